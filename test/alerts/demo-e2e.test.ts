import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { baseDivisions, writeGazetteer } from '../../src/analysis/regions/gazetteer.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { runAlertTicker } from '../../src/alerts/service.ts';
import { verifyWebhookSignature } from '../../src/alerts/channels/webhook.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { startHttpReceiver, startSmtpReceiver } from './helpers/receivers.ts';
import { addRule, createDuty, WEBHOOK_SECRET } from './helpers/duty.ts';

const MIN = 60_000;
/** The demo's county is fictional: the office registers it in its gazetteer, as `yuqing gazetteer import` would. */
const ANLAN = '459901';

test('done when: the demo with a rule on the jurisdiction fires one alert to the on-duty webhook and e-mail, escalates to the backup, and stops when acknowledged', async () => {
  const ctx = await testContext({ jurisdiction: [ANLAN] });
  writeGazetteer(ctx.dataDir, [
    ...baseDivisions(),
    { code: '4599', name: '临江市', level: 'city', parent: '45' },
    { code: ANLAN, name: '安澜县', level: 'county', parent: '4599' },
  ], 'demo county');
  const hook = await startHttpReceiver();
  const smtp = await startSmtpReceiver();
  const app = await buildServer(ctx);
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url, smtpPort: smtp.port, backupWebhookUrl: hook.url });
    const rule = await app.inject({
      method: 'POST', url: '/api/alert-rules',
      payload: { name: '辖区负面风险舆情', trigger: 'item', severity: '较大', watch: { jurisdiction: true, sentiment: ['negative'], min_risk_score: 0.5 }, team_id: duty.teamId },
    });
    assert.equal(rule.statusCode, 201, rule.body);

    const demo = await loadDemo(ctx);
    assert.ok(demo.items.added >= 30);
    const db = alertsDb(ctx.store.db);
    const alerts = await db.selectFrom('alerts').selectAll().execute();
    assert.equal(alerts.length, 1, 'one alert for the demolition incident, however many posts it has');
    const alert = alerts[0]!;
    assert.ok(alert.item_count >= 3, `the incident's negative posts are its evidence (${alert.item_count})`);
    const incident = await db.selectFrom('event_items as e').innerJoin('items as i', 'i.id', 'e.item_id').select('e.event_id').where('i.external_id', '=', 'demo-i1').executeTakeFirstOrThrow();
    assert.equal(alert.event_id, incident.event_id, 'the alert is about the incident\'s event');
    const evidence = await db.selectFrom('alert_items as ai').innerJoin('items as i', 'i.id', 'ai.item_id').select('i.external_id').where('ai.alert_id', '=', alert.id).execute();
    assert.ok(evidence.filter((e) => e.external_id?.startsWith('demo-i')).length >= 3, 'the incident\'s posts are the evidence');

    await drainDeliveries(ctx);
    await smtp.waitFor(1);
    assert.deepEqual(hook.calls.map((c) => c.url), ['/hook/primary'], 'the on-duty primary\'s webhook');
    const msg = JSON.parse(hook.calls[0]!.body) as { title: string; ack_url: string };
    assert.ok(verifyWebhookSignature({ secret: WEBHOOK_SECRET, body: hook.calls[0]!.body, timestamp: String(hook.calls[0]!.headers['x-yuqing-timestamp']), signature: String(hook.calls[0]!.headers['x-yuqing-signature']), nowMs: ctx.clock.now() }));
    assert.match(msg.title, /^【较大·舆情预警】.*(拆迁|强拆)/);
    assert.equal(smtp.mails.length, 1);
    assert.match(smtp.mails[0]!.to, /zhangwei@/);
    assert.equal(smtp.mails[0]!.subject, msg.title);

    ctx.clock.advance(10 * MIN);
    assert.equal((await runAlertTicker(ctx)).escalated, 1);
    await drainDeliveries(ctx);
    await smtp.waitFor(2);
    assert.deepEqual(hook.calls.map((c) => c.url), ['/hook/primary', '/hook/backup'], 'escalated to the backup');
    assert.match(smtp.mails[1]!.to, /lina@/);
    assert.match(smtp.mails[1]!.subject, /^【较大·升级提醒】/);

    const link = new URL(msg.ack_url);
    const ack = await app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    assert.equal(ack.statusCode, 200);
    ctx.clock.advance(60 * MIN);
    assert.equal((await runAlertTicker(ctx)).escalated, 0, 'acknowledged: no chief, no leader');
    await drainDeliveries(ctx);
    assert.equal(hook.calls.length, 2);
    assert.equal(smtp.mails.length, 2);
    const detail = (await app.inject({ method: 'GET', url: `/api/alerts/${alert.id}` })).json() as { status: string; acked_by: string; log: { action: string }[] };
    assert.equal(detail.status, 'acknowledged');
    assert.equal(detail.acked_by, `link:person:${duty.primaryId}`);
    assert.deepEqual(detail.log.filter((l) => l.action !== 'delivered').map((l) => l.action), ['fired', 'notified', 'escalated', 'acknowledged']);
  } finally {
    await app.close();
    await hook.close();
    await smtp.close();
    await ctx.cleanup();
  }
});
