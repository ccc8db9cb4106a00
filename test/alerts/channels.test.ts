import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { testContext } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsStage } from '../../src/alerts/stage.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { startHttpReceiver } from './helpers/receivers.ts';
import { addRule } from './helpers/duty.ts';

const hmac = (key: string, msg: string) => crypto.createHmac('sha256', key).update(msg).digest('base64');

test('WeCom, DingTalk and Feishu robots get their own formats and signatures; the SMS gateway gets the filled template; secrets are never echoed', async () => {
  const ctx = await testContext();
  const recv = await startHttpReceiver();
  const app = await buildServer(ctx);
  process.env.YQ_TEST_SMS_KEY = 'sms-key-from-env';
  try {
    const post = async (url: string, payload: unknown) => {
      const r = await app.inject({ method: 'POST', url, payload: payload as object });
      assert.ok(r.statusCode < 300, `${url}: ${r.body}`);
      return r.json() as { id: number };
    };
    const wecom = await post('/api/channels', { name: '企业微信群', kind: 'wecom', settings: { url: `${recv.url}/wecom` }, secrets: { token: 'WECOM-KEY-123' } });
    const ding = await post('/api/channels', { name: '钉钉群', kind: 'dingtalk', settings: { url: `${recv.url}/ding` }, secrets: { token: 'DING-TOKEN-456', secret: 'SECdingtalk789' } });
    const feishu = await post('/api/channels', { name: '飞书群', kind: 'feishu', settings: { url: `${recv.url}/feishu` }, secrets: { token: 'hook-abc', secret: 'feishu-secret-xyz' } });
    await post('/api/channels', {
      name: '短信网关', kind: 'sms', settings: { url: `${recv.url}/sms?key={{secret.api_key}}`, template: '{"mobile":"{{phone}}","content":"{{text}}"}', min_severity: 'serious' },
      secrets: { api_key: 'env:YQ_TEST_SMS_KEY' },
    });
    const person = await post('/api/people', { name: '值班员', phone: '13800000000' });
    const team = await post('/api/teams', { name: '值班组' });
    await post('/api/shifts', { team_id: team.id, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '00:00', primary_id: person.id });
    await addRule(ctx, { name: '重大事件', trigger: 'item', severity: '重大', team_id: team.id, channel_ids: [wecom.id, ding.id, feishu.id] });

    await ingest(ctx, [{ title: '化工厂爆炸 "疑似" 有人受伤', content: '现场浓烟滚滚', platform: 'weibo', published_at: '2026-11-20T01:50:00Z' }], { stages: [alertsStage] });
    const r = await drainDeliveries(ctx);
    assert.deepEqual(r, { sent: 5, failed: 0, dead: 0 }, 'in-app, SMS and three robots');
    const at = (p: string) => recv.calls.find((c) => new URL(c.url, 'http://x').pathname.startsWith(p))!;

    const w = at('/wecom');
    assert.equal(new URL(w.url, 'http://x').searchParams.get('key'), 'WECOM-KEY-123');
    const wb = JSON.parse(w.body) as { msgtype: string; markdown: { content: string } };
    assert.equal(wb.msgtype, 'markdown');
    assert.match(wb.markdown.content, /^### 【重大·舆情预警】化工厂爆炸 "疑似" 有人受伤/);
    assert.match(wb.markdown.content, /\[确认收到\]\(http:\/\/127\.0\.0\.1:\d+\/api\/alerts\/1\/ack\?token=/);

    const d = at('/ding');
    const dq = new URL(d.url, 'http://x').searchParams;
    assert.equal(dq.get('access_token'), 'DING-TOKEN-456');
    assert.equal(dq.get('timestamp'), String(ctx.clock.now()));
    assert.equal(dq.get('sign'), hmac('SECdingtalk789', `${ctx.clock.now()}\nSECdingtalk789`));
    assert.match(d.url, /sign=[^&]*%/, 'the base64 signature is URL-encoded in the query');
    const db = JSON.parse(d.body) as { msgtype: string; markdown: { title: string; text: string } };
    assert.equal(db.msgtype, 'markdown');
    assert.equal(db.markdown.title, '【重大·舆情预警】化工厂爆炸 "疑似" 有人受伤');

    const f = at('/feishu/hook-abc');
    const fb = JSON.parse(f.body) as { timestamp: string; sign: string; msg_type: string; content: { post: { zh_cn: { title: string; content: { tag: string; text: string; href?: string }[][] } } } };
    assert.equal(fb.timestamp, String(Math.floor(ctx.clock.now() / 1000)));
    assert.equal(fb.sign, crypto.createHmac('sha256', `${fb.timestamp}\nfeishu-secret-xyz`).update('').digest('base64'));
    assert.equal(fb.msg_type, 'post');
    assert.equal(fb.content.post.zh_cn.title, '【重大·舆情预警】化工厂爆炸 "疑似" 有人受伤');
    assert.ok(fb.content.post.zh_cn.content.flat().some((x) => x.tag === 'a' && /\/api\/alerts\/1\/ack\?token=/.test(x.href ?? '')));

    const s = at('/sms');
    assert.equal(new URL(s.url, 'http://x').searchParams.get('key'), 'sms-key-from-env');
    const sb = JSON.parse(s.body) as { mobile: string; content: string };
    assert.equal(sb.mobile, '13800000000');
    assert.match(sb.content, /^【重大·舆情预警】化工厂爆炸 "疑似" 有人受伤 /, 'quotes in the text are escaped for JSON, not breaking it');

    const list = await app.inject({ method: 'GET', url: '/api/channels' });
    for (const secret of ['WECOM-KEY-123', 'DING-TOKEN-456', 'SECdingtalk789', 'hook-abc', 'feishu-secret-xyz']) assert.ok(!list.body.includes(secret), `${secret} is not echoed`);
    const byName = new Map((list.json().channels as { name: string; secrets: Record<string, string> }[]).map((c) => [c.name, c.secrets]));
    assert.deepEqual(byName.get('钉钉群'), { token: '******', secret: '******' });
    assert.deepEqual(byName.get('短信网关'), { api_key: 'env:YQ_TEST_SMS_KEY' });
    const stored = await alertsDb(ctx.store.db).selectFrom('channels').select('secrets_json').execute();
    for (const row of stored) assert.ok(!row.secrets_json.includes('SECdingtalk789') && !row.secrets_json.includes('feishu-secret-xyz'), 'stored encrypted');
    const keyFile = path.join(ctx.dataDir, 'secret.key');
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600, 'the generated key file is private');

    const upd = await app.inject({ method: 'PUT', url: `/api/channels/${ding.id}`, payload: { secrets: { secret: 'NEW-SECRET' } } });
    assert.equal(upd.statusCode, 200);
    assert.ok(!upd.body.includes('NEW-SECRET'));
    const bad = await app.inject({ method: 'POST', url: '/api/channels', payload: { name: 'x', kind: 'webhook', settings: { url: 'ftp://x' } } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details.field, 'settings.url');
  } finally {
    delete process.env.YQ_TEST_SMS_KEY;
    await app.close();
    await recv.close();
    await ctx.cleanup();
  }
});

test('a robot that answers 200 with an error code counts as a failed delivery', async () => {
  const ctx = await testContext();
  const recv = await startHttpReceiver();
  try {
    recv.okBody = '{"errcode":310000,"errmsg":"sign not match"}';
    const { createChannel } = await import('../../src/alerts/channels/repo.ts');
    const ch = await createChannel(ctx, { name: '钉钉', kind: 'dingtalk', enabled: true, settings: { url: `${recv.url}/ding` }, secrets: { secret: 'wrong' } });
    await addRule(ctx, { name: 'r', trigger: 'item', channel_ids: [ch.id] });
    await ingest(ctx, [{ title: '测试', content: '内容', published_at: '2026-11-20T01:50:00Z' }], { stages: [alertsStage] });
    const r = await drainDeliveries(ctx);
    assert.equal(r.failed, 1);
    const d = await alertsDb(ctx.store.db).selectFrom('deliveries').selectAll().where('channel_kind', '=', 'dingtalk').executeTakeFirstOrThrow();
    assert.match(d.last_error ?? '', /sign not match/);
  } finally {
    await recv.close();
    await ctx.cleanup();
  }
});
