// The analysis stage through ingest(): rows in item_analysis, item_regions, item_risks; getAnalysis;
// hot words over stored items, directly and through GET /api/hot-words.
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { STAGES } from '../../src/ingest/stages.ts';
import { analysisStage } from '../../src/analysis/stage.ts';
import { analysisDb, getAnalysis } from '../../src/analysis/store.ts';
import { hotWords } from '../../src/analysis/hot-words.ts';
import { buildServer } from '../../src/server/app.ts';
import { testContext } from '../helpers/context.ts';

test('analysis runs after topics and before events and the search index', () => {
  const names = STAGES.map((s) => s.name);
  const at = names.indexOf('analysis');
  assert.ok(at >= 0, names.join(','));
  if (names.includes('topics')) assert.ok(names.indexOf('topics') < at);
  for (const later of ['events', 'search-index']) if (names.includes(later)) assert.ok(at < names.indexOf(later), later);
});

test('ingest stores the analysis of each added item; a bare repost is neutral with nothing else', async () => {
  const ctx = await testContext({ jurisdiction: ['4502'] });
  try {
    const r = await ingest(
      ctx,
      [
        { external_id: 'a1', source: 'wb', title: '柳州市一工地拖欠农民工工资', content: '广西柳州，二十多名农民工讨薪无果，包工头拖欠工资半年，现场有人拉横幅。', published_at: '2026-11-19 10:00' },
        { external_id: 'a2', source: 'wb', content: '转发微博', parent_external_id: 'a1', published_at: '2026-11-19 11:00' },
      ],
      { stages: [analysisStage] },
    );
    assert.equal(r.added, 2);
    const [id1, id2] = r.results.map((x) => x.id!);
    const db = analysisDb(ctx.store.db);
    const row = await db.selectFrom('item_analysis').selectAll().where('item_id', '=', id1!).executeTakeFirstOrThrow();
    assert.ok(['negative', 'neutral', 'positive'].includes(row.sentiment_label));
    assert.ok(JSON.parse(row.keywords_json).length > 0);
    const regions = await db.selectFrom('item_regions').select(['code', 'level']).where('item_id', '=', id1!).orderBy('code').execute();
    assert.deepEqual(regions, [{ code: '45', level: 'province' }, { code: '4502', level: 'city' }]);
    const risks = await db.selectFrom('item_risks').select('category').where('item_id', '=', id1!).execute();
    assert.ok(risks.some((x) => x.category === 'wage_labour'), JSON.stringify(risks));

    const all = await getAnalysis(ctx.store.db, [id1!, id2!, 999]);
    assert.equal(all.size, 2);
    assert.deepEqual(all.get(id2!), { sentiment: { label: 'neutral', score: 0 }, keywords: [], regions: [], risks: [] });
    assert.deepEqual(all.get(id1!)?.regions.map((x) => x.name), ['柳州市', '广西壮族自治区']);
    assert.equal(await db.selectFrom('item_regions').select('item_id').where('item_id', '=', id2!).executeTakeFirst(), undefined);
  } finally {
    await ctx.cleanup();
  }
});

test('a broken taxonomy file in the data folder does not stop ingest: the shipped one is used', async () => {
  const ctx = await testContext();
  try {
    fs.writeFileSync(path.join(ctx.dataDir, 'risk-taxonomy.json'), '{"version":1,"threshold":0.5,"categories":[]}');
    const r = await ingest(ctx, [{ external_id: 't1', source: 's', content: '国道上两车相撞发生车祸，造成2人死亡' }], { stages: [analysisStage] });
    assert.equal(r.added, 1);
    const a = (await getAnalysis(ctx.store.db, [r.results[0]!.id!])).get(r.results[0]!.id!);
    assert.equal(a?.risks[0]?.category, 'accident_safety');
  } finally {
    await ctx.cleanup();
  }
});

test('hot words: counts against the previous period, rising score, topic/region filters, HTTP route', async () => {
  const ctx = await testContext();
  try {
    const day = (d: number, h: number) => `2026-11-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00`;
    const items: object[] = [];
    // Previous day: 停水 twice; this day: 停水 three times and 拆迁 four times (rising), in 柳州 or 南宁.
    for (let i = 0; i < 2; i++) items.push({ external_id: `p${i}`, source: 's', content: `柳州某小区停水第${i + 1}天，居民生活不便`, published_at: day(18, 9 + i) });
    for (let i = 0; i < 3; i++) items.push({ external_id: `c${i}`, source: 's', content: `南宁某小区停水，居民排队接水${i}`, published_at: day(19, 9 + i) });
    for (let i = 0; i < 4; i++) items.push({ external_id: `d${i}`, source: 's', content: `柳州一小区因拆迁引发不满，居民反映补偿款不到位${i}`, published_at: day(19, 13 + i) });
    const r = await ingest(ctx, items, { stages: [analysisStage] });
    assert.equal(r.added, 9);
    const from = Date.UTC(2026, 10, 18, 16); // 2026-11-19 00:00 Asia/Shanghai
    const to = from + 24 * 3600 * 1000;
    const hw = await hotWords(ctx.store.db, { from, to });
    assert.equal(hw.items, 7);
    assert.equal(hw.previous_items, 2);
    const w = new Map(hw.words.map((x) => [x.word, x]));
    assert.equal(w.get('拆迁')?.count, 4);
    assert.equal(w.get('拆迁')?.previous, 0);
    assert.equal(w.get('停水')?.count, 3);
    assert.equal(w.get('停水')?.previous, 2);
    assert.ok(w.get('拆迁')!.score > w.get('停水')!.score, 'a new word rises more than a steady one');
    assert.equal(hw.words[0]?.word, hw.words.reduce((a, b) => (b.score > a.score ? b : a)).word);

    const inNanning = await hotWords(ctx.store.db, { from, to, region: '4501', sort: 'count' });
    assert.equal(inNanning.items, 3);
    assert.equal(inNanning.words[0]?.word, '停水');

    const now = ctx.clock.now();
    const topic = await ctx.store.db.insertInto('topics').values({ name: '拆迁', expression: '拆迁', description: '', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const demolition = r.results.slice(5).map((x) => ({ item_id: x.id!, topic_id: topic.id }));
    await ctx.store.db.insertInto('item_topics').values(demolition).execute();
    const inTopic = await hotWords(ctx.store.db, { from, to, topic: topic.id });
    assert.equal(inTopic.items, 4);
    assert.equal(inTopic.previous_items, 0);

    const app = await buildServer(ctx);
    try {
      const ok = await app.inject({ method: 'GET', url: `/api/hot-words?from=2026-11-19&to=2026-11-19&sort=count&limit=8` });
      assert.equal(ok.statusCode, 200, ok.body);
      const body = ok.json() as { items: number; words: { word: string; count: number }[]; from: string };
      assert.equal(body.items, 7);
      assert.deepEqual(body.words.map((x) => x.count), [7, 7, 4, 4, 4, 4, 4, 4]); // 小区, 居民 in every item; then 拆迁 …
      assert.ok(body.words.some((x) => x.word === '拆迁'));
      assert.equal(body.from, '2026-11-18T16:00:00.000Z');
      const bad = await app.inject({ method: 'GET', url: '/api/hot-words?from=yesterday' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /from/);
      const unknown = await app.inject({ method: 'GET', url: '/api/hot-words?colour=red' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /colour/);
    } finally {
      await app.close();
    }
  } finally {
    await ctx.cleanup();
  }
});
