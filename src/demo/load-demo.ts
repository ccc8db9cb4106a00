// Loads the demo scenario (fictional 安澜县): sources, topics, a variant and four days of posts, dated
// relative to now so the demo always looks current. Safe to run twice: everything is keyed.
import type { AppContext } from '../context.ts';
import { ingest } from '../ingest/pipeline.ts';
import type { IngestSummary } from '../ingest/result.ts';
import type { Platform } from '../ingest/item-schema.ts';
import { DEMO_POSTS } from './scenario-posts.ts';
import { createTopic } from '../topics/service.ts';

const SOURCES: { key: string; name: string; platform: Platform; url: string }[] = [
  { key: 'alxw', name: '安澜新闻网', platform: 'news', url: 'https://news.anlan.example.cn/' },
  { key: 'ljrb', name: '临江日报', platform: 'news', url: 'https://www.linjiang-daily.example.cn/' },
  { key: 'alluntan', name: '安澜论坛', platform: 'forum', url: 'https://bbs.anlan.example.cn/' },
  { key: 'alliuyan', name: '安澜县领导留言板', platform: 'message_board', url: 'https://liuyan.anlan.example.cn/' },
  { key: 'weibo', name: '微博（临江本地账号）', platform: 'weibo', url: 'https://weibo.example.cn/' },
];

export const DEMO_TOPICS: { name: string; expression: string; description: string }[] = [
  { name: '安澜拆迁', expression: '(安澜|安澜县|城东片区)+(拆迁|强拆|补偿|征收)-招聘', description: '辖区拆迁征收与补偿' },
  { name: '安澜民生诉求', expression: '(安澜|安澜县|沙田镇|滨江路|锦绣花园)+(路灯|班车|物业|停车费|堵|排队|12345)', description: '群众日常诉求' },
  { name: '安澜政府回应', expression: '(安澜|安澜县)+(政府|通报|回应|工作组)', description: '官方回应与网民对政府的议论（含 zf 等网言网语）' },
  { name: '安澜文旅', expression: '(安澜|安澜县)+(旅游|公园|文化节|米粉|螺蛳粉)', description: '文旅宣传' },
];

export interface DemoReport {
  sources: number;
  topics: number;
  items: IngestSummary;
}

/** Insert the demo sources, topics and variant if missing, then ingest the posts. */
export async function loadDemo(ctx: AppContext): Promise<DemoReport> {
  const now = ctx.clock.now();
  const db = ctx.store.db;
  for (const s of SOURCES) {
    const exists = await db.selectFrom('sources').select('id').where('key', '=', s.key).executeTakeFirst();
    if (!exists) {
      await db.insertInto('sources')
        .values({ key: s.key, name: s.name, kind: 'push', url: s.url, platform: s.platform, created_at: now, updated_at: now })
        .execute();
    }
  }
  for (const t of DEMO_TOPICS) {
    const exists = await db.selectFrom('topics').select('id').where('name', '=', t.name).executeTakeFirst();
    if (!exists) await createTopic(ctx, t);
  }
  // 安澜县zf in the incident's comments is matched through the seeded variant zf → 政府.

  const sourceOf = new Map(SOURCES.map((s) => [s.key, s]));
  const items = DEMO_POSTS.map((p) => {
    const src = sourceOf.get(p.source)!;
    return {
      external_id: `demo-${p.id}`,
      source: p.source,
      platform: src.platform,
      url: p.url ? `${src.url}${p.id}.html` : null,
      title: p.title ?? null,
      content: p.content,
      author: p.author,
      published_at: new Date(now - p.h * 3600_000).toISOString(),
      parent_external_id: p.parent ? `demo-${p.parent}` : null,
      metrics: p.metrics ?? {},
    };
  });
  // Parents before children, as a collector would usually see them.
  items.sort((a, b) => a.published_at.localeCompare(b.published_at));
  const summary = await ingest(ctx, items);
  return { sources: SOURCES.length, topics: DEMO_TOPICS.length, items: summary };
}
