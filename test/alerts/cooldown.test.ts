import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { alertsDb } from '../../src/alerts/tables.ts';
import { drainDeliveries } from '../../src/alerts/delivery/drain.ts';
import { startHttpReceiver } from './helpers/receivers.ts';
import { addRule, createDuty } from './helpers/duty.ts';

const BASE = '城东片区拆迁补偿款迟迟不到位，施工队强拆围墙打伤老人，居民多次反映无人处理';

/** A repost of the story: the same text with a small change, as reposts come. */
const repost = (i: number, at: number) => ({
  external_id: `w${i}`, source: 'weibo', platform: 'weibo', author: `网友${i}`,
  content: `${i % 3 === 0 ? '【转载】' : ''}${BASE}${i % 2 ? '！' : '。'}#${i}`, published_at: new Date(at - (500 - i) * 1000).toISOString(),
});

test('a flare-up of 500 near-identical posts through the whole pipeline makes one alert that is updated, not 500; near-duplicates never fire twice', async () => {
  const ctx = await testContext();
  const hook = await startHttpReceiver();
  try {
    const duty = await createDuty(ctx, { webhookUrl: hook.url });
    await addRule(ctx, { name: '拆迁负面', trigger: 'item', severity: 'major', team_id: duty.teamId, watch: { sentiment: ['negative'] }, params: { cooldown_minutes: 60 } });
    const now = ctx.clock.now();
    const posts = Array.from({ length: 500 }, (_, i) => repost(i, now));
    for (let k = 0; k < posts.length; k += 100) {
      const s = await ingest(ctx, posts.slice(k, k + 100));
      assert.equal(s.added, 100);
      ctx.clock.advance(60_000);
    }
    const db = alertsDb(ctx.store.db);
    const alerts = await db.selectFrom('alerts').selectAll().execute();
    assert.equal(alerts.length, 1, 'one alert for the whole flare-up');
    const a = alerts[0]!;
    assert.ok(a.item_count >= 490, `the alert keeps (nearly) every post as evidence: ${a.item_count}`);
    assert.equal(Number((await db.selectFrom('alert_items').select((eb) => eb.fn.countAll<number>().as('n')).where('alert_id', '=', a.id).executeTakeFirstOrThrow()).n), a.item_count);
    assert.ok(a.last_item_id !== null && a.last_item_id > (a.first_item_id ?? 0));
    assert.equal(Number(a.updated_at), ctx.clock.now() - 60_000, 'updated by the last batch');
    await drainDeliveries(ctx);
    assert.equal(hook.calls.length, 1, 'the on-duty officer got one message, not 500');

    // Past the cooldown, another repost of the same story must not open a second alert.
    ctx.clock.advance(61 * 60_000);
    await ingest(ctx, [repost(900, ctx.clock.now())]);
    const late = await db.selectFrom('items as i').innerJoin('item_analysis as a', 'a.item_id', 'i.id').select(['i.similar_group_id', 'a.sentiment_label']).where('i.external_id', '=', 'w900').executeTakeFirstOrThrow();
    assert.ok(late.similar_group_id !== null && late.sentiment_label === 'negative', 'the late repost is a watched near-duplicate');
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 1, 'a near-duplicate never fires twice');

    // A different story does.
    await ingest(ctx, [{ external_id: 'x1', source: 'forum', platform: 'forum', title: '县医院急诊科医生态度恶劣', content: '半夜带孩子看急诊，医生玩手机不理人，投诉无门，太让人寒心了', published_at: new Date(ctx.clock.now()).toISOString() }]);
    assert.equal((await db.selectFrom('alerts').select('id').execute()).length, 2);
  } finally {
    await hook.close();
    await ctx.cleanup();
  }
});
