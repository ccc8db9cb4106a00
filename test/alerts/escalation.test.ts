import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsStage } from '../../src/alerts/stage.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { runAlertTicker } from '../../src/alerts/service.ts';
import { createPolicy } from '../../src/alerts/escalation/policy.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { startHttpReceiver } from './helpers/receivers.ts';
import { addRule, createDuty } from './helpers/duty.ts';

const MIN = 60_000;
const story = { title: '多名群众聚集讨要工资', content: '工地欠薪半年，工人聚集讨薪', platform: 'weibo', published_at: '2026-11-20T01:55:00Z' };

test('an unacknowledged alert escalates primary → backup (+10 min) → chief (+20) → leader (+30); acknowledging stops it; every step is logged with its time', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  const app = await buildServer(ctx);
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url, backupWebhookUrl: hook.url });
    await addRule(ctx, { name: '欠薪', trigger: 'item', severity: 'major', team_id: duty.teamId });
    const t0 = ctx.clock.now();
    await ingest(ctx, [story], { stages: [alertsStage] });
    await drainDeliveries(ctx);
    assert.deepEqual(hook.calls.map((c) => c.url), ['/hook/primary']);
    const db = alertsDb(ctx.store.db);
    const alert = await db.selectFrom('alerts').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(alert.next_escalation_at), t0 + 10 * MIN);

    ctx.clock.advance(10 * MIN - 1);
    assert.equal((await runAlertTicker(ctx)).escalated, 0, 'not before ten minutes');
    ctx.clock.advance(1);
    assert.equal((await runAlertTicker(ctx)).escalated, 1);
    assert.equal((await runAlertTicker(ctx)).escalated, 0, 'a step runs once');
    await drainDeliveries(ctx);
    assert.deepEqual(hook.calls.map((c) => c.url), ['/hook/primary', '/hook/backup']);
    const esc = JSON.parse(hook.calls[1]!.body) as { type: string; title: string; text: string };
    assert.equal(esc.type, 'escalation');
    assert.match(esc.title, /^【较大·升级提醒】/);
    assert.match(esc.text, /已 10 分钟无人确认，按升级策略第 2 步通知您/);

    ctx.clock.advance(10 * MIN);
    assert.equal((await runAlertTicker(ctx)).escalated, 1, 'the chief at +20 min');
    const ack = await app.inject({ method: 'POST', url: `/api/alerts/${alert.id}/ack`, payload: { by: '王科长', note: '已联系属地核实' } });
    assert.equal(ack.statusCode, 200);
    assert.equal(ack.json().status, 'acknowledged');
    ctx.clock.advance(10 * MIN);
    assert.equal((await runAlertTicker(ctx)).escalated, 0, 'the leader is not disturbed after the acknowledgement');
    ctx.clock.advance(60 * MIN);
    assert.equal((await runAlertTicker(ctx)).escalated, 0);

    const log = await db.selectFrom('alert_log').selectAll().where('alert_id', '=', alert.id).where('action', 'in', ['notified', 'escalated', 'acknowledged']).orderBy('id').execute();
    assert.deepEqual(log.map((l) => [l.action, Number(l.at) - t0, l.step]), [
      ['notified', 0, 0], ['escalated', 10 * MIN, 1], ['escalated', 20 * MIN, 2], ['acknowledged', 20 * MIN, null],
    ]);
    assert.match(log[0]!.reason, /张伟/);
    assert.match(log[1]!.reason, /李娜/);
    assert.match(log[2]!.reason, /王科长/);
    assert.equal(log[3]!.actor, '王科长');
    assert.equal(log[3]!.reason, '已联系属地核实');
    await drainDeliveries(ctx);
    const chiefNotes = await app.inject({ method: 'GET', url: `/api/notifications?person=${duty.chiefId}` });
    assert.equal(chiefNotes.json().notifications.length, 1, 'the chief was told in-app');
    const leaderNotes = await app.inject({ method: 'GET', url: `/api/notifications?person=${duty.leaderId}` });
    assert.equal(leaderNotes.json().notifications.length, 0);
  } finally {
    await app.close();
    await hook.close();
    await ctx.cleanup();
  }
});

test('a policy with repeats cycles through its steps the given number of times, then stops', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url, backupWebhookUrl: hook.url });
    const policy = await createPolicy(ctx, { name: '两轮', steps: [{ after_minutes: 0, notify: ['primary'] }, { after_minutes: 5, notify: ['backup', 'person:' + duty.leaderId] }], repeat: 1, repeat_after_minutes: 5 });
    await addRule(ctx, { name: '欠薪', trigger: 'item', severity: 'major', team_id: duty.teamId, policy_id: policy.id });
    await ingest(ctx, [story], { stages: [alertsStage] });
    const steps: number[] = [];
    for (let m = 1; m <= 40; m++) {
      ctx.clock.advance(MIN);
      if ((await runAlertTicker(ctx)).escalated) steps.push(m);
      await drainDeliveries(ctx);
    }
    assert.deepEqual(steps, [5, 10, 15], 'backup+leader at 5, primary again at 10, backup+leader at 15, then nothing');
    assert.deepEqual(hook.calls.map((c) => c.url), ['/hook/primary', '/hook/backup', '/hook/primary', '/hook/backup']);
    const a = await alertsDb(ctx.store.db).selectFrom('alerts').selectAll().executeTakeFirstOrThrow();
    assert.equal(a.next_escalation_at, null);
    assert.equal(a.status, 'open');
  } finally {
    await hook.close();
    await ctx.cleanup();
  }
});
