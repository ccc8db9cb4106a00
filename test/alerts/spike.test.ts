import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsStage } from '../../src/alerts/stage.ts';
import { zScore } from '../../src/alerts/evaluate/spike.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { createKeyPeriod } from '../../src/collect/key-periods/repo.ts';
import { addRule } from './helpers/duty.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test('zScore: named cases', () => {
  const cases: { name: string; current: number; base: number[]; z: number }[] = [
    { name: 'flat baseline, floor of √mean', current: 10, base: [4, 4, 4, 4], z: 3 },
    { name: 'all-zero baseline, floor of 1', current: 3, base: [0, 0, 0], z: 3 },
    { name: 'spread larger than the floor', current: 20, base: [0, 10, 0, 10], z: 3 },
    { name: 'below the usual level', current: 0, base: [4, 4], z: -2 },
  ];
  for (const c of cases) assert.equal(zScore(c.current, c.base).z, c.z, c.name);
});

test('a volume spike against the same hour of the last four weeks fires one alert (then updates); a key period lowers the threshold', async () => {
  const ctx = await testContext();
  try {
    const now = ctx.clock.now();
    let n = 0;
    const forum = (at: number) => ({ external_id: `f${++n}`, source: 'bbs', platform: 'forum', content: `论坛帖子${n}`, published_at: new Date(at).toISOString() });
    // Baseline: two posts in this hour-long window each day, and plenty at other hours that must not count.
    const history = [];
    for (let k = 1; k <= 28; k++) {
      history.push(forum(now - k * DAY - 30 * MIN), forum(now - k * DAY - 50 * MIN));
      for (let j = 0; j < 5; j++) history.push(forum(now - k * DAY - 5 * HOUR - j * MIN));
    }
    await ingest(ctx, history, { stages: [] });
    await addRule(ctx, { name: '论坛激增', trigger: 'volume_spike', severity: 'major', watch: { platforms: ['forum'] }, params: { z_threshold: 3, min_count: 5 } });
    await addRule(ctx, { name: '论坛激增（重点时段）', trigger: 'volume_spike', severity: 'serious', watch: { platforms: ['forum'] }, params: { z_threshold: 10, key_period: { z_threshold: 3 } } });
    const db = alertsDb(ctx.store.db);
    const alerts = () => db.selectFrom('alerts').selectAll().orderBy('id').execute();

    await ingest(ctx, [1, 2, 3, 4].map((i) => forum(now - i * MIN)), { stages: [alertsStage] });
    assert.equal((await alerts()).length, 0, '4 posts: under min_count');
    await ingest(ctx, [5, 6, 7, 8, 9, 10].map((i) => forum(now - i * MIN)), { stages: [alertsStage] });
    let a = await alerts();
    assert.equal(a.length, 1, '10 posts against a usual 2: z = (10-2)/√2 ≈ 5.66 ≥ 3; the second rule needs 10');
    assert.equal(a[0]!.rule_name, '论坛激增');
    assert.equal(a[0]!.z_score, 5.66);
    assert.match(a[0]!.summary, /近一小时相关信息 10 条，同时段平均 2\.0 条/);
    assert.equal(a[0]!.item_count, 6, 'the items of the batch that crossed the threshold');

    ctx.clock.advance(MIN);
    await ingest(ctx, [forum(ctx.clock.now())], { stages: [alertsStage] });
    a = await alerts();
    assert.equal(a.length, 1, 'the next post updates the spike alert');
    assert.equal(a[0]!.item_count, 7);

    const src = await ctx.store.db.selectFrom('sources').select('id').executeTakeFirst()
      ?? await ctx.store.db.insertInto('sources').values({ key: 'bbs', name: '论坛', kind: 'push', url: null, platform: 'forum', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await createKeyPeriod(ctx, { name: '重大活动', starts_at: now - HOUR, ends_at: now + DAY, interval_s: 120, source_ids: [src.id], topic_ids: [], note: '' });
    await ingest(ctx, [forum(ctx.clock.now())], { stages: [alertsStage] });
    a = await alerts();
    assert.equal(a.length, 2, 'inside the key period the second rule fires at z ≥ 3');
    assert.equal(a[1]!.rule_name, '论坛激增（重点时段）');
    assert.equal(a[1]!.in_key_period, 1);
  } finally {
    await ctx.cleanup();
  }
});
