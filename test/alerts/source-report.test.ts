import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { runAlertTicker } from '../../src/alerts/service.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { markDown, markUp } from '../../src/collect/health/transitions.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { createKeyPeriod } from '../../src/collect/key-periods/repo.ts';
import { startHttpReceiver } from './helpers/receivers.ts';
import { addRule, createDuty } from './helpers/duty.ts';

const HOUR = 3_600_000;

async function addSource(ctx: Awaited<ReturnType<typeof testContext>>, key: string, name: string): Promise<number> {
  const now = ctx.clock.now();
  const s = await ctx.store.db.insertInto('sources').values({ key, name, kind: 'feed', url: `https://${key}.example.cn/rss`, platform: 'news', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await collectDb(ctx.store.db).insertInto('source_state').values({ source_id: s.id, next_check_at: now }).execute();
  return s.id;
}

test('a source going down (as the collectors record it) fires one alert; its recovery resolves it and stops escalation', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url });
    await addRule(ctx, { name: '信息源异常', trigger: 'source_down', severity: 'major', team_id: duty.teamId, watch: { sources: ['xwzx'] } });
    const watched = await addSource(ctx, 'xwzx', '县新闻中心');
    const other = await addSource(ctx, 'other', '别的站点');
    const cdb = collectDb(ctx.store.db);
    await markDown(cdb, watched, 'failures', '5 consecutive failures, last: HTTP 503', ctx.clock.now());
    await markDown(cdb, other, 'failures', 'timeout', ctx.clock.now());
    assert.equal((await runAlertTicker(ctx)).sourceEvents, 2);
    const db = alertsDb(ctx.store.db);
    let alerts = await db.selectFrom('alerts').selectAll().execute();
    assert.equal(alerts.length, 1, 'only the watched source');
    assert.equal(alerts[0]!.title, '信息源异常：县新闻中心');
    assert.match(alerts[0]!.summary, /HTTP 503/);
    assert.equal((await runAlertTicker(ctx)).sourceEvents, 0, 'each source event is taken once');
    await drainDeliveries(ctx);
    assert.equal(hook.calls.length, 1);
    assert.match((JSON.parse(hook.calls[0]!.body) as { title: string }).title, /^【较大·信息源异常】信息源异常：县新闻中心/);

    await markUp(cdb, watched, 'failures', 'checked successfully again', ctx.clock.now());
    await runAlertTicker(ctx);
    alerts = await db.selectFrom('alerts').selectAll().execute();
    assert.equal(alerts[0]!.status, 'resolved');
    assert.equal(alerts[0]!.next_escalation_at, null);
    ctx.clock.advance(HOUR);
    assert.equal((await runAlertTicker(ctx)).escalated, 0);

    await markDown(cdb, watched, 'silent', 'no items for 3 days', ctx.clock.now());
    await runAlertTicker(ctx);
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 2, 'going down again is a new alert');
  } finally {
    await hook.close();
    await ctx.cleanup();
  }
});

test('inside a key period a situation report (new items, new events, open alerts) goes to its recipients on its cadence', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  const app = await buildServer(ctx);
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url });
    const src = await addSource(ctx, 'xwzx', '县新闻中心');
    const now = ctx.clock.now();
    const kp = await createKeyPeriod(ctx, { name: '国庆假期', starts_at: now - 2 * HOUR, ends_at: now + 3 * 24 * HOUR, interval_s: 120, source_ids: [src], topic_ids: [], note: '' });
    const put = await app.inject({ method: 'PUT', url: `/api/key-periods/${kp.id}/situation-report`, payload: { every_minutes: 240, team_id: duty.teamId } });
    assert.equal(put.statusCode, 200, put.body);
    await addRule(ctx, { name: '全部', trigger: 'item', severity: 'major', team_id: duty.teamId, watch: { platforms: ['forum'] } });
    await ingest(ctx, [
      { external_id: 'r1', source: 'xwzx', platform: 'news', title: '县里举行国庆升旗仪式', content: '群众自发参加升旗仪式', published_at: new Date(now - HOUR).toISOString() },
      { external_id: 'r2', source: 'bbs', platform: 'forum', title: '景区门口堵车三公里', content: '国庆景区门口堵车三公里，游客怨声载道', published_at: new Date(now - 30 * 60_000).toISOString() },
    ]);

    assert.equal((await runAlertTicker(ctx)).reports, 1);
    assert.equal((await runAlertTicker(ctx)).reports, 0, 'not again before the cadence');
    await drainDeliveries(ctx);
    const report = hook.calls.map((c) => JSON.parse(c.body) as { type: string; title: string; text: string }).find((b) => b.type === 'report');
    assert.ok(report, 'the on-duty primary got the report');
    assert.match(report.title, /^【重点时段舆情专报】国庆假期/);
    const events = (await alertsDb(ctx.store.db).selectFrom('events').select('id').execute()).length;
    assert.ok(report.text.includes(`新增信息 2 条，新增事件 ${events} 个，未确认预警 1 条。`), report.text);
    assert.match(report.text, /未确认预警 #1：景区门口堵车三公里/);

    ctx.clock.advance(4 * HOUR);
    assert.equal((await runAlertTicker(ctx)).reports, 1, 'four hours later, the next one');
    ctx.clock.advance(3 * 24 * HOUR);
    assert.equal((await runAlertTicker(ctx)).reports, 0, 'none after the period ends');
  } finally {
    await app.close();
    await hook.close();
    await ctx.cleanup();
  }
});
