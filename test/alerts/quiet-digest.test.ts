import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext, TestClock } from '../helpers/context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsStage } from '../../src/alerts/stage.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { updatePerson } from '../../src/alerts/roster/people.ts';
import { createKeyPeriod } from '../../src/collect/key-periods/repo.ts';
import { startHttpReceiver, startSmtpReceiver } from './helpers/receivers.ts';
import { addRule, createDuty } from './helpers/duty.ts';

const MIN = 60_000;
let n = 0;
const post = (title: string, at: number) => ({ external_id: `q${++n}`, title, content: `${title}，网友热议`, platform: 'forum', published_at: new Date(at - MIN).toISOString() });

test('quiet hours hold back only low-severity alerts, until they end; inside a key period they hold nothing back', async () => {
  // 23:00 office time (UTC+8) on 2026-11-20.
  const ctx = await testContext({}, new TestClock(Date.UTC(2026, 10, 20, 15, 0)));
  const hook = await startHttpReceiver();
  const smtp = await startSmtpReceiver();
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url, smtpPort: smtp.port });
    await updatePerson(ctx, duty.primaryId, { quiet_hours: { start: '22:00', end: '07:00' } });
    await addRule(ctx, { name: '一般信息', trigger: 'item', severity: '一般', team_id: duty.teamId, watch: { platforms: ['forum'] } });
    await addRule(ctx, { name: '较大信息', trigger: 'item', severity: '较大', team_id: duty.teamId, watch: { platforms: ['weibo'] } });

    await ingest(ctx, [post('小区停车费上涨', ctx.clock.now())], { stages: [alertsStage] });
    assert.deepEqual(await drainDeliveries(ctx), { sent: 1, failed: 0, dead: 0 }, 'only the in-app notice goes out at night');
    assert.equal(smtp.mails.length + hook.calls.length, 0);

    await ingest(ctx, [{ ...post('化工园区异味扰民', ctx.clock.now()), platform: 'weibo' }], { stages: [alertsStage] });
    assert.equal((await drainDeliveries(ctx)).sent, 3, 'a 较大 alert goes out at once: in-app, e-mail, webhook');
    await smtp.waitFor(1);
    assert.match(smtp.mails[0]!.subject, /化工园区异味扰民/);

    ctx.clock.t = Date.UTC(2026, 10, 20, 22, 59);
    assert.equal((await drainDeliveries(ctx)).sent, 0, 'still quiet at 06:59');
    ctx.clock.t = Date.UTC(2026, 10, 20, 23, 0);
    assert.equal((await drainDeliveries(ctx)).sent, 2, 'at 07:00 the held e-mail and webhook go out');
    await smtp.waitFor(2);
    assert.match(smtp.mails[1]!.subject, /^【一般·舆情预警】小区停车费上涨/);

    // The next night, inside a key period, quiet hours do not apply.
    ctx.clock.t = Date.UTC(2026, 10, 21, 15, 0);
    const now = ctx.clock.now();
    const src = await ctx.store.db.insertInto('sources').values({ key: 'bbs', name: '论坛', kind: 'push', url: null, platform: 'forum', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await createKeyPeriod(ctx, { name: '全国两会', starts_at: now - 3600_000, ends_at: now + 86_400_000, interval_s: 120, source_ids: [src.id], topic_ids: [], note: '' });
    await ingest(ctx, [post('网传某校食堂饭菜变质', ctx.clock.now())], { stages: [alertsStage] });
    assert.equal((await drainDeliveries(ctx)).sent, 3, 'no hold inside a key period');
    await smtp.waitFor(3);
    assert.match(smtp.mails[2]!.subject, /网传某校食堂饭菜变质/);
  } finally {
    await hook.close();
    await smtp.close();
    await ctx.cleanup();
  }
});

test('digest mode bundles a rule\'s low-severity alerts into one message every N minutes', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  try {
    const { createChannel } = await import('../../src/alerts/channels/repo.ts');
    const group = await createChannel(ctx, { name: '工作群', kind: 'webhook', enabled: true, settings: { url: `${hook.url}/group` }, secrets: {} });
    await addRule(ctx, { name: '日常诉求', trigger: 'item', severity: 'general', channel_ids: [group.id], params: { digest: true } });
    await addRule(ctx, { name: '紧急', trigger: 'item', severity: 'critical', channel_ids: [group.id], watch: { platforms: ['news'] } });
    // The clock is at 10:00 office time; the 30-minute digest goes out at 10:30.
    await ingest(ctx, [post('路灯坏了一个月', ctx.clock.now()), post('公交班次太少', ctx.clock.now())], { stages: [alertsStage] });
    ctx.clock.advance(10 * MIN);
    await ingest(ctx, [post('菜市场污水横流', ctx.clock.now())], { stages: [alertsStage] });
    await ingest(ctx, [{ ...post('大桥垮塌', ctx.clock.now()), platform: 'news' }], { stages: [alertsStage] });
    await drainDeliveries(ctx);
    assert.equal(hook.calls.length, 1, 'the 特别重大 alert is not held (the news item also matches the digest rule: that alert is held)');
    assert.match((JSON.parse(hook.calls[0]!.body) as { title: string }).title, /^【特别重大·舆情预警】大桥垮塌/);
    ctx.clock.advance(19 * MIN);
    await drainDeliveries(ctx);
    assert.equal(hook.calls.length, 1);
    ctx.clock.advance(MIN);
    assert.deepEqual(await drainDeliveries(ctx), { sent: 1, failed: 0, dead: 0 });
    const digest = JSON.parse(hook.calls[1]!.body) as { type: string; title: string; text: string };
    assert.equal(digest.type, 'digest');
    assert.equal(digest.title, '【舆情预警汇总】4 条预警');
    for (const t of ['路灯坏了一个月', '公交班次太少', '菜市场污水横流', '大桥垮塌']) assert.ok(digest.text.includes(t), t);
  } finally {
    await hook.close();
    await ctx.cleanup();
  }
});
