import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/server/app.ts';
import { Scheduler } from '../../src/collect/scheduler/scheduler.ts';
import { createSource } from '../../src/collect/register/repo.ts';
import { testContext } from '../helpers/context.ts';
import { FeedSite, FAST } from './scheduler-fixtures.ts';

const MIN = 60_000;

test('a key period defined over the API raises the polling rate of its sources without a restart, then lapses', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  const site = await new FeedSite().start();
  try {
    site.add({ guid: 'k0', title: '县两会开幕', description: '开幕式', author: 'x', published: ctx.clock.now() - MIN });
    const { source: hot } = await createSource(ctx, { name: 'hot', kind: 'feed', url: `${site.base}/feed.xml`, platform: 'news', interval_s: 3600, enabled: true, tags: [], settings: {} });
    await createSource(ctx, { name: 'other', kind: 'feed', url: `${site.base}/feed.xml?other`, platform: 'news', interval_s: 3600, enabled: true, tags: [], settings: {} });
    // One scheduler for the whole test, as in a running process: it must pick the period up by itself.
    const sched = new Scheduler(ctx, FAST);
    assert.equal((await sched.runDue()).checked, 2);
    ctx.clock.advance(5 * MIN);
    assert.equal((await sched.runDue()).checked, 0, 'hourly sources are not due after 5 minutes');

    const bad = await app.inject({ method: 'POST', url: '/api/key-periods', payload: { name: 'x', starts_at: ctx.clock.now(), ends_at: ctx.clock.now() + 1, source_ids: [hot.id], speed: 'fast' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /speed/);
    const start = ctx.clock.now() - MIN;
    const end = ctx.clock.now() + 20 * MIN;
    const created = await app.inject({
      method: 'POST', url: '/api/key-periods',
      payload: { name: '县两会期间', starts_at: new Date(start).toISOString(), ends_at: new Date(end).toISOString(), interval_s: 120, source_ids: [hot.id], note: '24小时加密监测' },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().active, true);

    // Its last check was 5 minutes ago, longer than the period's 2 minutes: due at once.
    const now1 = await sched.runDue();
    assert.equal(now1.checked, 1);
    site.add({ guid: 'k1', title: '代表热议民生实事', description: '讨论', author: 'x', published: ctx.clock.now() });
    let checks = 0;
    for (let i = 0; i < 5; i++) {
      ctx.clock.advance(135_000);
      checks += (await sched.runDue()).checked;
    }
    assert.equal(checks, 5, 'every ~2 minutes inside the period, the other source untouched');
    assert.equal((await ctx.store.db.selectFrom('items').select('id').execute()).length, 2);

    // After the period the hourly interval applies again.
    ctx.clock.t = end + 10_000;
    await sched.runDue();
    let later = 0;
    for (let i = 0; i < 5; i++) {
      ctx.clock.advance(5 * MIN);
      later += (await sched.runDue()).checked;
    }
    assert.equal(later, 0);
    const list = await app.inject({ method: 'GET', url: '/api/key-periods' });
    assert.equal(list.json().key_periods[0].active, false);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/key-periods/${created.json().id}` })).statusCode, 204);
  } finally {
    await app.close();
    await site.close();
    await ctx.cleanup();
  }
});
