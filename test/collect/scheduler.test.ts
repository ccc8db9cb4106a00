import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from '../../src/collect/scheduler/scheduler.ts';
import { createSource } from '../../src/collect/register/repo.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { testContext } from '../helpers/context.ts';
import { FeedSite, FAST } from './scheduler-fixtures.ts';

const MIN = 60_000;

test('due sources are polled on their interval; items are stored once with their evidence; unchanged feeds cost a 304', async () => {
  const ctx = await testContext();
  const site = await new FeedSite().start();
  try {
    const t0 = ctx.clock.now();
    site.add({ guid: 'n1', title: '融水县召开安全生产会议', description: '会议部署冬季安全生产工作。', author: '县融媒体中心', published: t0 - 30 * MIN });
    site.add({ guid: 'n2', title: '安陲乡道路改造完工', description: '群众出行更方便。', author: '记者 李明', published: t0 - 10 * MIN });
    const { source } = await createSource(ctx, { name: '融水新闻', kind: 'feed', url: `${site.base}/feed.xml`, platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    // robots.txt honoured (the site has none: 404 means allowed).
    const sched = new Scheduler(ctx, { ...FAST, robots: true });

    const first = await sched.runDue();
    assert.deepEqual({ checked: first.checked, ok: first.ok, added: first.added }, { checked: 1, ok: 1, added: 2 });
    const items = await ctx.store.db.selectFrom('items').selectAll().orderBy('published_at').execute();
    assert.deepEqual(items.map((i) => i.title), ['融水县召开安全生产会议', '安陲乡道路改造完工']);
    assert.equal(items[0]!.author, '县融媒体中心');
    assert.equal(items[0]!.content, '会议部署冬季安全生产工作。');
    assert.equal(Number(items[0]!.published_at), Math.floor((t0 - 30 * MIN) / 1000) * 1000);
    assert.equal(items[0]!.source_id, source.id);
    assert.equal(items[0]!.source_key, source.key);
    assert.equal(items[0]!.platform, 'news');

    // Evidence: the feed response is stored once and linked to both items.
    const db = collectDb(ctx.store.db);
    const caps = await db.selectFrom('captures').selectAll().execute();
    assert.equal(caps.length, 1);
    assert.equal(caps[0]!.url, `${site.base}/feed.xml`);
    assert.equal(caps[0]!.status, 200);
    const links = await db.selectFrom('item_captures').selectAll().execute();
    assert.deepEqual(links.map((l) => l.capture_id), [caps[0]!.id, caps[0]!.id]);

    // Not due yet: nothing is fetched.
    assert.equal((await sched.runDue()).checked, 0);
    assert.equal(site.hitCount('/feed.xml'), 1);

    site.add({ guid: 'n3', title: '融水县城管局回应占道经营投诉', description: '已责成整改。', author: '县城管局', published: t0 + 5 * MIN });
    ctx.clock.advance(12 * MIN);
    const second = await sched.runDue();
    assert.deepEqual({ checked: second.checked, added: second.added }, { checked: 1, added: 1 });
    assert.equal((await ctx.store.db.selectFrom('items').select('id').execute()).length, 3);

    // Unchanged: conditional GET answered 304, a success with nothing new.
    ctx.clock.advance(12 * MIN);
    const third = await sched.runDue();
    assert.deepEqual({ checked: third.checked, ok: third.ok, added: third.added }, { checked: 1, ok: 1, added: 0 });
    assert.equal(site.notModifiedCount, 1);
    const st = await db.selectFrom('source_state').selectAll().where('source_id', '=', source.id).executeTakeFirstOrThrow();
    assert.equal(st.last_success_at, ctx.clock.now());
    assert.equal(st.items_total, 3);
    assert.equal(st.consecutive_failures, 0);
    assert.ok(st.next_check_at >= ctx.clock.now() + 540_000 && st.next_check_at <= ctx.clock.now() + 660_000, 'next check within the interval ± 10 % jitter');
    await sched.shutdown();
    await sched.shutdown();
  } finally {
    await site.close();
    await ctx.cleanup();
  }
});

test('a disabled source and a push source are never polled', async () => {
  const ctx = await testContext();
  const site = await new FeedSite().start();
  try {
    site.add({ guid: 'x', title: '标题', description: '正文', author: 'a', published: ctx.clock.now() - MIN });
    await createSource(ctx, { name: 'off', kind: 'feed', url: `${site.base}/feed.xml`, platform: 'news', interval_s: 600, enabled: false, tags: [], settings: {} });
    await createSource(ctx, { name: 'partner', kind: 'push', platform: 'other', interval_s: 600, enabled: true, tags: [], settings: {} });
    const r = await new Scheduler(ctx, FAST).runDue();
    assert.equal(r.checked, 0);
    assert.equal(site.hitCount('/feed.xml'), 0);
  } finally {
    await site.close();
    await ctx.cleanup();
  }
});
