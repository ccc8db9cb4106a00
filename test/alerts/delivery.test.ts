import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext, TestClock } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsStage } from '../../src/alerts/stage.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { verifyWebhookSignature } from '../../src/alerts/channels/webhook.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { startHttpReceiver, startSmtpReceiver } from './helpers/receivers.ts';
import { addRule, createDuty, WEBHOOK_SECRET } from './helpers/duty.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Run a delivery worker in a child process on the store; resolves with what it sent. */
function worker(dataDir: string): Promise<{ sent: number; failed: number; dead: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'test/alerts/helpers/drain-worker.ts', dataDir], { cwd: ROOT });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { sent: number; failed: number; dead: number }) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

const item = (n: number, title: string) => ({
  url: `https://news.example.cn/${n}.html`, title, content: `${title}，现场情况正在核实。`, platform: 'news', published_at: '2026-11-20T01:59:00Z',
});

test('an alert reaches the on-duty person by signed webhook, e-mail (Chinese subject intact) and in-app; the signed link acknowledges it', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  const smtp = await startSmtpReceiver();
  const app = await buildServer(ctx);
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url, smtpPort: smtp.port });
    await addRule(ctx, { name: '全部信息', trigger: 'item', severity: '较大', team_id: duty.teamId });
    await ingest(ctx, [item(1, '沙田镇发生山体滑坡 两车被困')], { stages: [alertsStage] });
    const db = alertsDb(ctx.store.db);
    const alerts = await db.selectFrom('alerts').selectAll().execute();
    assert.equal(alerts.length, 1);
    assert.equal((await db.selectFrom('deliveries').select('channel_kind').where('status', '=', 'pending').execute()).map((d) => d.channel_kind).sort().join(','), 'email,inapp,webhook');

    assert.deepEqual(await drainDeliveries(ctx), { sent: 3, failed: 0, dead: 0 });
    await smtp.waitFor(1);
    assert.equal(hook.calls.length, 1);
    const call = hook.calls[0]!;
    assert.equal(call.url, '/hook/primary');
    const ts = String(call.headers['x-yuqing-timestamp']);
    const sig = String(call.headers['x-yuqing-signature']);
    assert.equal(ts, String(Math.floor(ctx.clock.now() / 1000)));
    assert.ok(verifyWebhookSignature({ secret: WEBHOOK_SECRET, body: call.body, timestamp: ts, signature: sig, nowMs: ctx.clock.now() }));
    assert.ok(!verifyWebhookSignature({ secret: WEBHOOK_SECRET, body: call.body.replace('山体', '泥石'), timestamp: ts, signature: sig, nowMs: ctx.clock.now() }), 'a changed body fails');
    assert.ok(!verifyWebhookSignature({ secret: WEBHOOK_SECRET, body: call.body, timestamp: ts, signature: sig, nowMs: ctx.clock.now() + 10 * 60_000 }), 'a replay 10 minutes later is stale');
    assert.ok(!verifyWebhookSignature({ secret: 'other', body: call.body, timestamp: ts, signature: sig, nowMs: ctx.clock.now() }));
    const body = JSON.parse(call.body) as { type: string; severity: string; title: string; text: string; ack_url: string; alert_id: number };
    assert.equal(body.type, 'alert');
    assert.equal(body.severity, 'major');
    assert.equal(body.title, '【较大·舆情预警】沙田镇发生山体滑坡 两车被困');
    assert.match(body.text, /预警规则：全部信息（较大）/);
    assert.match(body.ack_url, /^http:\/\/yuqing\.test\/api\/alerts\/\d+\/ack\?token=/);

    const mail = smtp.mails[0]!;
    assert.equal(mail.subject, '【较大·舆情预警】沙田镇发生山体滑坡 两车被困');
    assert.match(mail.to, /zhangwei@county\.example\.cn/);
    assert.match(mail.text, /沙田镇发生山体滑坡/);
    assert.match(mail.text, /确认收到：http:\/\/yuqing\.test\/api\/alerts\//);

    const notes = await app.inject({ method: 'GET', url: `/api/notifications?person=${duty.primaryId}` });
    assert.equal(notes.json().notifications.length, 1);
    assert.equal(notes.json().notifications[0].title, body.title);

    const link = new URL(body.ack_url);
    const bad = await app.inject({ method: 'GET', url: `${link.pathname}?token=${encodeURIComponent('1.9999999999.' + 'A'.repeat(43))}` });
    assert.equal(bad.statusCode, 403);
    const ok = await app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /已确认/);
    const acked = await app.inject({ method: 'GET', url: `/api/alerts/${body.alert_id}` });
    assert.equal(acked.json().status, 'acknowledged');
    assert.equal(acked.json().acked_by, `link:person:${duty.primaryId}`);
    assert.deepEqual(acked.json().log.map((l: { action: string }) => l.action).slice(0, 2), ['fired', 'notified']);
    assert.ok(acked.json().log.some((l: { action: string; actor: string }) => l.action === 'acknowledged' && l.actor === `link:person:${duty.primaryId}`));
  } finally {
    await app.close();
    await hook.close();
    await smtp.close();
    await ctx.cleanup();
  }
});

test('a receiver failure is retried with backoff (500 then 200); after the last attempt the delivery is dead-lettered and can be retried', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  const app = await buildServer(ctx);
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url });
    await addRule(ctx, { name: '全部信息', trigger: 'item', severity: 'serious', team_id: duty.teamId });
    const db = alertsDb(ctx.store.db);
    const webhookOf = async (alertId: number) => db.selectFrom('deliveries').selectAll().where('alert_id', '=', alertId).where('channel_kind', '=', 'webhook').executeTakeFirstOrThrow();

    hook.script.push(500);
    await ingest(ctx, [item(1, '县医院门口发生冲突')], { stages: [alertsStage] });
    const first = (await db.selectFrom('alerts').select('id').executeTakeFirstOrThrow()).id;
    assert.deepEqual(await drainDeliveries(ctx), { sent: 1, failed: 1, dead: 0 });
    let d = await webhookOf(first);
    assert.equal(d.status, 'failed');
    assert.equal(d.attempts, 1);
    assert.match(d.last_error ?? '', /HTTP 500/);
    assert.equal(Number(d.next_attempt_at), ctx.clock.now() + 30_000);
    assert.deepEqual(await drainDeliveries(ctx), { sent: 0, failed: 0, dead: 0 }, 'not retried before the backoff');
    ctx.clock.advance(30_000);
    assert.deepEqual(await drainDeliveries(ctx), { sent: 1, failed: 0, dead: 0 });
    d = await webhookOf(first);
    assert.equal(d.status, 'sent');
    assert.equal(d.attempts, 2);
    assert.equal(hook.calls.length, 2);

    hook.script.push(500, 500, 500);
    await ingest(ctx, [item(2, '某小区燃气泄漏')], { stages: [alertsStage] });
    const second = (await db.selectFrom('alerts').select('id').where('id', '!=', first).executeTakeFirstOrThrow()).id;
    await drainDeliveries(ctx);
    ctx.clock.advance(30_000);
    await drainDeliveries(ctx);
    ctx.clock.advance(59_999);
    assert.equal((await drainDeliveries(ctx)).failed, 0, 'the second retry waits twice as long');
    ctx.clock.advance(1);
    assert.deepEqual(await drainDeliveries(ctx), { sent: 0, failed: 0, dead: 1 });
    d = await webhookOf(second);
    assert.equal(d.status, 'dead');
    assert.equal(d.attempts, 3);

    const dead = await app.inject({ method: 'GET', url: '/api/alerts/dead-letters' });
    assert.deepEqual(dead.json().deliveries.map((x: { id: number }) => x.id), [d.id]);
    const detail = await app.inject({ method: 'GET', url: `/api/alerts/${second}` });
    assert.equal(detail.json().log.filter((l: { action: string }) => l.action === 'delivery_failed').length, 2);
    assert.equal(detail.json().log.filter((l: { action: string }) => l.action === 'dead_letter').length, 1);
    assert.equal((await app.inject({ method: 'POST', url: `/api/alerts/dead-letters/${d.id}/retry` })).statusCode, 200);
    assert.equal((await app.inject({ method: 'POST', url: `/api/alerts/dead-letters/${d.id}/retry` })).statusCode, 409);
    assert.deepEqual(await drainDeliveries(ctx), { sent: 1, failed: 0, dead: 0 });
    assert.equal((await webhookOf(second)).status, 'sent');
    assert.equal((await app.inject({ method: 'GET', url: '/api/alerts/dead-letters' })).json().deliveries.length, 0);
  } finally {
    await app.close();
    await hook.close();
    await ctx.cleanup();
  }
});

test('two worker processes draining one outbox at once never send a delivery twice', async () => {
  // The workers run on wall time: date the deliveries from it.
  const ctx = await testContext({}, new TestClock(Date.now()));
  const hook = await startHttpReceiver();
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url });
    await addRule(ctx, { name: '全部信息', trigger: 'item', severity: 'major', team_id: duty.teamId });
    await ingest(ctx, Array.from({ length: 20 }, (_, i) => ({ ...item(i, `第${i}条不同的信息`), published_at: new Date(ctx.clock.now() - 60_000).toISOString() })), { stages: [alertsStage] });
    const [a, b] = await Promise.all([worker(ctx.dataDir), worker(ctx.dataDir)]);
    assert.equal(a.sent + b.sent, 40, '20 webhooks and 20 in-app notifications in all');
    assert.equal(hook.calls.length, 20);
    assert.equal(new Set(hook.calls.map((c) => (JSON.parse(c.body) as { alert_id: number }).alert_id)).size, 20);
    const left = await alertsDb(ctx.store.db).selectFrom('deliveries').select('id').where('status', '!=', 'sent').execute();
    assert.equal(left.length, 0);
  } finally {
    await hook.close();
    await ctx.cleanup();
  }
});
