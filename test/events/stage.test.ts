import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { createContext, closeContext } from '../../src/app-context.ts';
import { eventDb } from '../../src/events/store/tables.ts';
import { mergeEvent, splitEvent } from '../../src/events/api/service.ts';
import { testContext, type TestContext } from '../helpers/context.ts';

const STORY_A = '融水县城管执法人员与流动摊贩发生冲突，有摊贩受伤，现场视频在网上流传，引发网友关注';
const STORY_A2 = '融水县城管局回应执法冲突视频：已成立调查组，涉事执法人员停职接受调查';
const STORY_B = '柳州市举办国际马拉松比赛，两万名选手参赛，赛事组织有序，沿途市民加油助威';

const weibo = (id: string, content: string, at: string, parent?: string, extra: Record<string, unknown> = {}) => ({
  external_id: id, parent_external_id: parent ?? null, content, source: 'weibo', platform: 'weibo', published_at: at, ...extra,
});

async function eventOf(ctx: TestContext, itemId: number): Promise<number> {
  const r = await eventDb(ctx.store.db).selectFrom('event_items').select('event_id').where('item_id', '=', itemId).executeTakeFirstOrThrow();
  return r.event_id;
}

function ids(summary: Awaited<ReturnType<typeof ingest>>): number[] {
  return summary.results.map((r) => r.id ?? -1);
}

test('ingest assigns replies to their parent, pulls orphans in when the parent comes, keeps stories apart', async () => {
  const ctx = await testContext();
  try {
    const first = ids(await ingest(ctx, [
      weibo('b', STORY_B, '2026-11-19 10:00'),
      weibo('c1', '这也太过分了吧', '2026-11-19 10:20', 'root'),
      weibo('c2', '', '2026-11-19 10:25', 'c1'),
    ]));
    const second = ids(await ingest(ctx, [
      weibo('root', STORY_A, '2026-11-19 10:10', undefined, { metrics: { reposts: 500 } }),
      weibo('c3', '转发微博', '2026-11-19 10:30', 'root'),
      { url: 'https://news.example.cn/a2', title: '融水县回应城管执法冲突', content: STORY_A2, platform: 'news', published_at: '2026-11-19 15:00' },
    ]));
    const a = await eventOf(ctx, second[0]!);
    for (const id of [first[1]!, first[2]!, ...second]) assert.equal(await eventOf(ctx, id), a, `item ${id}`);
    assert.notEqual(await eventOf(ctx, first[0]!), a);
    const ev = await eventDb(ctx.store.db).selectFrom('events').selectAll().where('id', '=', a).executeTakeFirstOrThrow();
    assert.equal(ev.item_count, 5);
    assert.equal(ev.first_item_id, second[0]);
    assert.equal(ev.first_source, 'weibo');
    assert.deepEqual(JSON.parse(ev.platform_counts_json), { weibo: 4, news: 1 });
    const heat = await eventDb(ctx.store.db).selectFrom('event_heat').select(['volume']).where('event_id', '=', a).execute();
    assert.equal(heat.reduce((s, r) => s + r.volume, 0), 5);
  } finally {
    await ctx.cleanup();
  }
});

test('the time window closes an event in the stored clusterer too', async () => {
  const ctx = await testContext();
  try {
    const r = ids(await ingest(ctx, [
      { title: '城管执法冲突', content: STORY_A, platform: 'news', published_at: '2026-11-10 10:00' },
      { title: '融水县回应', content: STORY_A2, platform: 'news', published_at: '2026-11-10 20:00' },
      { title: '融水县回应（再报道）', content: STORY_A2, platform: 'news', published_at: '2026-11-14 20:00' },
    ]));
    assert.equal(await eventOf(ctx, r[1]!), await eventOf(ctx, r[0]!));
    assert.notEqual(await eventOf(ctx, r[2]!), await eventOf(ctx, r[0]!));
  } finally {
    await ctx.cleanup();
  }
});

test('later items respect an operator split and merge', async () => {
  const ctx = await testContext();
  try {
    const r = ids(await ingest(ctx, [
      weibo('r', STORY_A, '2026-11-19 10:00'),
      weibo('x1', '现场还有其他人受伤吗', '2026-11-19 10:05', 'r'),
      weibo('x2', '楼上说的那家火锅店在哪里，求地址', '2026-11-19 10:06', 'r'),
      { external_id: 'm', title: '柳州马拉松开跑', content: STORY_B, source: 'weibo', platform: 'news', published_at: '2026-11-19 11:00' },
    ]));
    const a = await eventOf(ctx, r[0]!);
    const split = await splitEvent(ctx, a, [r[2]!], 'test');
    assert.equal(split.item_count, 1);
    assert.equal(await eventOf(ctx, r[2]!), split.id);
    const later = ids(await ingest(ctx, [
      weibo('y1', '', '2026-11-19 10:30', 'x2'),
      weibo('y2', '', '2026-11-19 10:31', 'x1'),
    ]));
    assert.equal(await eventOf(ctx, later[0]!), split.id, 'a reply to a split-off item stays with the new event');
    assert.equal(await eventOf(ctx, later[1]!), a);
    const b = await eventOf(ctx, r[3]!);
    await mergeEvent(ctx, b, a, 'test');
    const after = ids(await ingest(ctx, [weibo('z', '加油！', '2026-11-19 11:30', 'm')]));
    assert.equal(await eventOf(ctx, after[0]!), a, 'a reply into a merged event lands in the surviving one');
    const merged = await eventDb(ctx.store.db).selectFrom('events').selectAll().where('id', '=', b).executeTakeFirstOrThrow();
    assert.equal(merged.status, 'merged');
    assert.equal(merged.merged_into, a);
    const decisions = await eventDb(ctx.store.db).selectFrom('event_decisions').select(['kind', 'event_id', 'other_event_id']).orderBy('id').execute();
    assert.deepEqual(decisions, [{ kind: 'split', event_id: a, other_event_id: split.id }, { kind: 'merge', event_id: b, other_event_id: a }]);
  } finally {
    await ctx.cleanup();
  }
});

test('a second worker on the same database sees the first one\'s events (no hidden in-memory state)', async () => {
  const ctx = await testContext();
  const other = await createContext({ config: { dataDir: ctx.dataDir, logLevel: 'silent' }, clock: ctx.clock });
  try {
    const r1 = ids(await ingest(ctx, [weibo('p', STORY_A, '2026-11-19 10:00')]));
    const r2 = ids(await ingest(other, [weibo('q', '', '2026-11-19 10:05', 'p'), { title: '融水县回应', content: STORY_A2, platform: 'news', published_at: '2026-11-19 12:00' }]));
    const r3 = ids(await ingest(ctx, [weibo('s', '', '2026-11-19 12:10', 'q')]));
    const a = await eventOf(ctx, r1[0]!);
    for (const id of [...r2, ...r3]) assert.equal(await eventOf(ctx, id), a);
    const ev = await eventDb(ctx.store.db).selectFrom('events').select('item_count').where('id', '=', a).executeTakeFirstOrThrow();
    assert.equal(ev.item_count, 4, 'the first worker built on the second one\'s update, not on its cached state');
  } finally {
    await closeContext(other);
    await ctx.cleanup();
  }
});
