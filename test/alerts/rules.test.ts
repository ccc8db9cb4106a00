import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers/cli.ts';
import { testContext, TestClock } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsStage } from '../../src/alerts/stage.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { createContext, closeContext } from '../../src/app-context.ts';
import { addRule } from './helpers/duty.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STORY = '滨江路一辆渣土车侧翻，压住路边两辆小车，司机被困车内，消防正在救援';

test('alert rules over the API: create, validate (naming the field), read, edit, delete', async () => {
  const ctx = await testContext({ jurisdiction: [] });
  const app = await buildServer(ctx);
  try {
    const create = await app.inject({ method: 'POST', url: '/api/alert-rules', payload: { name: '热度', trigger: 'event_heat', severity: '重大', params: { heat_threshold: 50, key_period: { heat_threshold: 20 } } } });
    assert.equal(create.statusCode, 201, create.body);
    const r = create.json() as { id: number; severity: string; severity_zh: string; enabled: boolean };
    assert.deepEqual([r.severity, r.severity_zh, r.enabled], ['serious', '重大', true]);
    const cases: [object, string][] = [
      [{ name: 'x', trigger: 'event_heat' }, 'params.heat_threshold'],
      [{ name: 'x', trigger: 'item', severity: '很大' }, 'severity'],
      [{ name: 'x', trigger: 'sometimes' }, 'trigger'],
      [{ name: 'x', trigger: 'item', watch: { regions: ['12345'] } }, 'watch.regions.0'],
      [{ name: 'x', trigger: 'item', watch: { jurisdiction: true } }, 'watch.jurisdiction'],
      [{ name: 'x', trigger: 'item', watch: { topics: [99] } }, 'watch.topics'],
      [{ name: 'x', trigger: 'item', team_id: 7 }, 'team_id'],
      [{ name: 'x', trigger: 'item', colour: 'red' }, 'colour'],
      [{ name: '热度', trigger: 'item' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/alert-rules', payload });
      assert.ok(res.statusCode === 400 || res.statusCode === 409, `${field}: ${res.statusCode}`);
      assert.equal(res.json().error.details.field, field, JSON.stringify(payload));
    }
    const edit = await app.inject({ method: 'PUT', url: `/api/alert-rules/${r.id}`, payload: { enabled: false, params: { heat_threshold: 80 } } });
    assert.equal(edit.statusCode, 200);
    assert.equal(edit.json().enabled, false);
    assert.equal(edit.json().params.heat_threshold, 80);
    const toItem = await app.inject({ method: 'PUT', url: `/api/alert-rules/${r.id}`, payload: { params: {} } });
    assert.equal(toItem.json().error.details.field, 'params.heat_threshold');
    assert.equal((await app.inject({ method: 'GET', url: '/api/alert-rules' })).json().rules.length, 1);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/alert-rules/${r.id}` })).statusCode, 204);
    assert.equal((await app.inject({ method: 'GET', url: `/api/alert-rules/${r.id}` })).statusCode, 404);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});

test('a second process sees rule changes at once (the compiled rules are checked against the version in the database)', async () => {
  const a = await testContext();
  const b = await createContext({ config: { dataDir: a.dataDir, logLevel: 'silent' }, clock: a.clock });
  try {
    const item = (i: number) => ({ external_id: `v${i}`, content: `第${i}条`, platform: 'weibo', published_at: new Date(a.clock.now()).toISOString() });
    await ingest(a, [item(1)], { stages: [alertsStage] });
    const db = alertsDb(a.store.db);
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 0);
    const id = await addRule(b, { name: '微博', trigger: 'item', watch: { platforms: ['weibo'] } });
    await ingest(a, [item(2)], { stages: [alertsStage] });
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 1, 'process A fired the rule process B created');
    const { updateRule } = await import('../../src/alerts/rules/repo.ts');
    await updateRule(b, id, { enabled: false });
    await ingest(a, [item(3)], { stages: [alertsStage] });
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 1, 'and stops when B disables it');
  } finally {
    await closeContext(b);
    await a.cleanup();
  }
});

test('dry run: what a rule would have fired over the last N days, with nothing written or sent; also from the CLI', async () => {
  // The CLI runs on wall time, so the stored items are dated from it.
  const now = Date.now();
  const ctx = await testContext({}, new TestClock(now));
  try {
    const posts = [
      ...[0, 1, 2].map((i) => ({ external_id: `a${i}`, source: 'weibo', platform: 'weibo', content: `${i ? '【转载】' : ''}${STORY}`, published_at: new Date(now - 2 * DAY + i * 60_000).toISOString() })),
      { external_id: 'b', source: 'weibo', platform: 'weibo', content: '县城南门菜市场改造完成，摊位整齐划一，市民买菜更方便了', published_at: new Date(now - 5 * DAY).toISOString() },
      { external_id: 'c', source: 'news', platform: 'news', title: '县政府召开常务会议', content: '会议研究部署冬季安全生产工作', published_at: new Date(now - 1 * DAY).toISOString() },
      { external_id: 'd', source: 'weibo', platform: 'weibo', content: '十天前的一条旧微博，说的是别的事情', published_at: new Date(now - 10 * DAY).toISOString() },
    ];
    assert.equal((await ingest(ctx, posts)).added, 6);
    const id = await addRule(ctx, { name: '微博信息', trigger: 'item', severity: '较大', watch: { platforms: ['weibo'] } });
    const app = await buildServer(ctx);
    try {
      const r = await app.inject({ method: 'POST', url: `/api/alert-rules/${id}/dry-run`, payload: { days: 7 } });
      assert.equal(r.statusCode, 200, r.body);
      const j = r.json() as { items_scanned: number; would_fire: number; updates: number; alerts: { key: string; item_count: number; title: string }[] };
      assert.equal(j.items_scanned, 5, 'the item ten days old is outside the window');
      assert.equal(j.would_fire, 2, 'the story (one alert, its reposts update it) and the market post');
      assert.equal(j.updates, 2);
      assert.deepEqual(j.alerts.map((a) => a.item_count), [1, 3]);
      assert.match(j.alerts[1]!.key, /^event:\d+$/);
      const draft = await app.inject({ method: 'POST', url: '/api/alert-rules/dry-run', payload: { rule: { name: '草稿', trigger: 'item', watch: { platforms: ['news'] } }, days: 3 } });
      assert.equal(draft.json().would_fire, 1);
    } finally {
      await app.close();
    }
    const db = alertsDb(ctx.store.db);
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 0, 'a dry run writes no alert');
    assert.equal((await db.selectFrom('deliveries').select('id').execute()).length, 0, 'and sends nothing');

    const add = await cli(ctx.dataDir, 'alert-rule', 'add', '--name', '新闻', '--trigger', 'item', '--platforms', 'news', '--severity', '一般', '--cooldown', '30');
    assert.equal(add.code, 0, add.stderr);
    assert.equal(JSON.parse(add.stdout).params.cooldown_minutes, 30);
    const dry = await cli(ctx.dataDir, 'alert-rule', 'dry-run', '新闻', '--days', '7', '--json');
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(JSON.parse(dry.stdout).would_fire, 1);
  } finally {
    await ctx.cleanup();
  }
});
