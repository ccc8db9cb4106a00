import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testContext, type TestContext } from '../helpers/context.ts';
import { find, ingestForSearch } from './fixtures.ts';
import { regionPrefix } from '../../src/search/filters.ts';
import { YqError } from '../../src/errors.ts';

const T = Date.UTC(2026, 10, 18, 2, 0, 0) / 1000;

/** Six items about 拆迁 with different sources, platforms, topics and analysis rows. */
async function setup(): Promise<{ ctx: TestContext; ids: number[] }> {
  const ctx = await testContext();
  const ids = await ingestForSearch(ctx, [
    { external_id: '0', content: '融水拆迁补偿', source: 'rsxw', platform: 'news', published_at: T },
    { external_id: '1', content: '拆迁户上访', source: 'weibo', platform: 'weibo', published_at: T + 60 },
    { external_id: '2', content: '强制拆迁视频', source: 'douyin', platform: 'video', published_at: T + 120 },
    { external_id: '3', content: '拆迁公告', source: 'rsxw', platform: 'news', published_at: T + 180 },
    { external_id: '4', content: '拆迁纠纷', source: 'tieba', platform: 'forum', published_at: T + 240 },
    { external_id: '5', content: '城管执法', source: 'rsxw', platform: 'news', published_at: T + 300 },
  ]);
  const db = ctx.store.db;
  const topic = await db.insertInto('topics').values({ name: '拆迁', expression: '拆迁', description: '', created_at: 0, updated_at: 0 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('item_topics').values([ids[1]!, ids[2]!].map((item_id) => ({ item_id, topic_id: topic.id }))).execute();
  // Analysis rows as the analysis stage writes them (schema of migration 2026112706_analysis).
  const sentiment = ['negative', 'negative', 'neutral', 'positive', 'negative', 'neutral'];
  for (const [k, id] of ids.entries()) {
    await sql`INSERT INTO item_analysis (item_id, sentiment_label, sentiment_score, keywords_json, regions_json, risks_json)
      VALUES (${id}, ${sentiment[k]}, 0, '[]', '[]', '[]')`.execute(db);
  }
  const regions: [number, string, string][] = [[0, '450225', 'county'], [1, '450225101', 'township'], [2, '450200', 'city'], [3, '450300', 'city'], [4, '110101', 'county']];
  for (const [k, code, level] of regions) await sql`INSERT INTO item_regions (item_id, code, level) VALUES (${ids[k]}, ${code}, ${level})`.execute(db);
  const risks: [number, string][] = [[0, 'land'], [2, 'land'], [2, 'violence'], [4, 'petition']];
  for (const [k, category] of risks) await sql`INSERT INTO item_risks (item_id, category, score) VALUES (${ids[k]}, ${category}, 0.8)`.execute(db);
  return { ctx, ids: ids.map((_, k) => k) };
}

const ext = (r: { items: { external_id: string | null }[] }) => r.items.map((i) => i.external_id).sort().join(',');

test('region codes cover the areas under them', () => {
  assert.equal(regionPrefix('450000'), '45');
  assert.equal(regionPrefix('450200'), '4502');
  assert.equal(regionPrefix('450225'), '450225');
  assert.equal(regionPrefix('450225100000'), '450225100');
  assert.equal(regionPrefix('45'), '45');
});

test('filters: source, platform, topic, sentiment, region, risk, combined', async () => {
  const { ctx } = await setup();
  try {
    const topicId = (await ctx.store.db.selectFrom('topics').select('id').executeTakeFirstOrThrow()).id;
    const cases: [Record<string, unknown>, string][] = [
      [{ source: 'rsxw' }, '0,3'],
      [{ source: 'rsxw,tieba' }, '0,3,4'],
      [{ platform: 'weibo' }, '1'],
      [{ platform: ['video', 'forum'] }, '2,4'],
      [{ topic: String(topicId) }, '1,2'],
      [{ sentiment: 'negative' }, '0,1,4'],
      [{ sentiment: 'neutral,positive' }, '2,3'],
      [{ region: '450225' }, '0,1'], // the county and a township under it
      [{ region: '450000' }, '0,1,2,3'], // the whole province
      [{ region: '450200' }, '0,1,2'],
      [{ region: '110000,450300' }, '3,4'],
      [{ risk: 'land' }, '0,2'],
      [{ risk: 'violence,petition' }, '2,4'],
      [{ source: 'rsxw', sentiment: 'negative', region: '45' }, '0'],
      [{ platform: 'news', risk: 'land', collapse: 'similar' }, '0'],
    ];
    for (const [filters, want] of cases) {
      const r = await find(ctx, { q: '拆迁', ...filters });
      assert.equal(ext(r), want, JSON.stringify(filters));
      assert.equal(r.total, want.split(',').length, JSON.stringify(filters));
    }
    // Filters without words list everything that passes them.
    assert.equal(ext(await find(ctx, { source: 'rsxw' })), '0,3,5');
  } finally {
    await ctx.cleanup();
  }
});

test('filter values are validated by name', async () => {
  const ctx = await testContext();
  try {
    const bad: [Record<string, unknown>, string][] = [
      [{ platform: 'tv' }, 'platform'],
      [{ sentiment: 'angry' }, 'sentiment'],
      [{ region: 'guangxi' }, 'region'],
      [{ topic: 'x' }, 'topic'],
      [{ from: 'yesterday' }, 'from'],
      [{ from: '2026-11-19', to: '2026-11-18' }, 'to'],
      [{ limit: '0' }, 'limit'],
      [{ order: 'oldest' }, 'order'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [fields, field] of bad) {
      await assert.rejects(find(ctx, { q: '拆迁', ...fields }), (e: unknown) => {
        assert.ok(e instanceof YqError, String(e));
        assert.equal(e.code, 'YQ_ERR_VALIDATION');
        assert.equal((e.details as { field: string }).field, field);
        return true;
      });
    }
  } finally {
    await ctx.cleanup();
  }
});

test('a filter whose analysis table is missing says so', async () => {
  const ctx = await testContext();
  try {
    await sql`DROP TABLE item_risks`.execute(ctx.store.db);
    await assert.rejects(find(ctx, { q: '拆迁', risk: 'land' }), (e: unknown) => {
      assert.ok(e instanceof YqError);
      assert.equal(e.code, 'YQ_ERR_FILTER_UNAVAILABLE');
      assert.match(e.message, /risk filter needs table item_risks/);
      return true;
    });
  } finally {
    await ctx.cleanup();
  }
});
