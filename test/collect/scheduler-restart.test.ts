import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createContext, closeContext } from '../../src/app-context.ts';
import type { AppContext } from '../../src/context.ts';
import { Scheduler } from '../../src/collect/scheduler/scheduler.ts';
import { claimDue } from '../../src/collect/scheduler/claim.ts';
import { createSource } from '../../src/collect/register/repo.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { testContext, TestClock } from '../helpers/context.ts';
import { FeedSite, FAST } from './scheduler-fixtures.ts';

const MIN = 60_000;

const reopen = (dataDir: string, clock: TestClock): Promise<AppContext> =>
  createContext({ config: { dataDir, logLevel: 'silent', allowPrivateNetworks: true }, clock });

const count = async (ctx: AppContext) => (await ctx.store.db.selectFrom('items').select('id').execute()).length;

test('restart on the same data folder loses nothing due and polls nothing twice; a crashed claim lapses after its lease', async () => {
  const first = await testContext();
  const clock = first.clock;
  const site = await new FeedSite().start();
  let ctx: AppContext = first;
  try {
    site.add({ guid: 'a', title: '第一条', description: '内容一', author: 'x', published: clock.now() - MIN });
    const { source: s1 } = await createSource(ctx, { name: 'one', kind: 'feed', url: `${site.base}/feed.xml`, platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    const { source: s2 } = await createSource(ctx, { name: 'two', kind: 'feed', url: `${site.base}/feed.xml?b`, platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    assert.equal((await new Scheduler(ctx, FAST).runDue()).checked, 2);
    assert.equal(site.hitCount('/feed.xml'), 2);
    await closeContext(ctx);

    // Restart at the same instant: nothing is due, nothing is fetched.
    ctx = await reopen(first.dataDir, clock);
    assert.equal((await new Scheduler(ctx, FAST).runDue()).checked, 0);
    assert.equal(site.hitCount('/feed.xml'), 2);

    // Time passes while the process is down: what became due is checked once after the restart.
    site.add({ guid: 'b', title: '第二条', description: '内容二', author: 'x', published: clock.now() });
    await closeContext(ctx);
    clock.advance(30 * MIN);
    ctx = await reopen(first.dataDir, clock);
    const after = await new Scheduler(ctx, FAST).runDue();
    assert.equal(after.checked, 2);
    assert.equal(await count(ctx), 2, 'the second entry once (both sources list it, one canonical URL)');

    // A process claims source 1 and dies before finishing: the claim blocks others until the lease ends.
    clock.advance(11 * MIN);
    const claimed = await claimDue(ctx, 1, 'dead-worker', 5 * MIN);
    assert.equal(claimed.length, 1);
    await closeContext(ctx);
    ctx = await reopen(first.dataDir, clock);
    const during = await new Scheduler(ctx, FAST).runDue();
    assert.equal(during.checked, 1, 'only the unclaimed source');
    clock.advance(6 * MIN);
    const lapsed = await new Scheduler(ctx, FAST).runDue();
    assert.equal(lapsed.checked, 1, 'the lapsed claim is taken over once');
    const states = await collectDb(ctx.store.db).selectFrom('source_state').selectAll().where('source_id', 'in', [s1.id, s2.id]).execute();
    assert.ok(states.every((s) => s.claimed_until === null && s.next_check_at > clock.now()));
  } finally {
    await closeContext(ctx).catch(() => undefined);
    await site.close();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  }
});

test('two processes on one database never poll the same source twice', async () => {
  const a = await testContext();
  const b = await reopen(a.dataDir, a.clock);
  const site = await new FeedSite().start();
  try {
    site.add({ guid: 'p', title: '并发', description: '两个进程', author: 'x', published: a.clock.now() - MIN });
    for (let i = 0; i < 6; i++) {
      await createSource(a, { name: `s${i}`, kind: 'feed', url: `${site.base}/feed.xml?s=${i}`, platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    }
    const [ra, rb] = await Promise.all([new Scheduler(a, { ...FAST, workerId: 'a' }).runDue(), new Scheduler(b, { ...FAST, workerId: 'b' }).runDue()]);
    assert.equal(ra.checked + rb.checked, 6);
    assert.equal(site.hitCount('/feed.xml'), 6);
    assert.equal(await count(a), 1);
  } finally {
    await closeContext(b);
    await site.close();
    await a.cleanup();
  }
});
