import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { Scheduler } from '../../src/collect/scheduler/scheduler.ts';
import { createSource } from '../../src/collect/register/repo.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { buildServer } from '../../src/server/app.ts';
import { testContext } from '../helpers/context.ts';
import { FeedSite, FAST } from './scheduler-fixtures.ts';

const MIN = 60_000;

test('broken sources (HTTP 500, timeouts) go unhealthy and back off while a healthy one keeps being collected; recovery is recorded', async () => {
  const ctx = await testContext();
  const site = await new FeedSite().start();
  const app = await buildServer(ctx);
  try {
    let broken = true;
    site.routes.set('/500', (req, res) => (broken ? res.writeHead(500).end('oops') : site.serveFeed(req, res)));
    site.routes.set('/hang', (_req, res) => site.hang(res));
    const base = { kind: 'feed' as const, platform: 'news' as const, interval_s: 300, enabled: true, tags: [], settings: {} };
    const { source: good } = await createSource(ctx, { ...base, name: 'good', url: `${site.base}/feed.xml` });
    const sched = new Scheduler(ctx, { ...FAST, fetchTimeoutMs: 1000, retryBaseMs: 30_000, backoffMaxMs: 3600_000, unhealthyAfter: 3 });
    // Warm-up: the first ingest loads the analysis models, a CPU stall no fetch deadline should race.
    site.add({ guid: 'g-warm', title: '预热', description: '正文', author: 'x', published: ctx.clock.now() - 1000 });
    await sched.runDue();
    const { source: e500 } = await createSource(ctx, { ...base, name: 'e500', url: `${site.base}/500` });
    const { source: slow } = await createSource(ctx, { ...base, name: 'slow', url: `${site.base}/hang` });
    const db = collectDb(ctx.store.db);
    const state = (id: number) => db.selectFrom('source_state').selectAll().where('source_id', '=', id).executeTakeFirstOrThrow();

    const delays: number[] = [];
    let entries = 1;
    for (let guard = 0; guard < 60 && (await state(e500.id)).consecutive_failures < 5; guard++) {
      site.add({ guid: `g${entries}`, title: `第${entries}条消息`, description: '正文', author: 'x', published: ctx.clock.now() - 1000 });
      entries++;
      await sched.runDue();
      const s = await state(e500.id);
      if (s.last_check_at === ctx.clock.now()) delays.push(s.next_check_at - ctx.clock.now());
      // Jump to whenever the next source is due.
      const next = await db.selectFrom('source_state').select((e) => e.fn.min('next_check_at').as('t')).executeTakeFirstOrThrow();
      ctx.clock.t = Math.max(ctx.clock.t + 1000, Number(next.t));
    }
    ctx.clock.t = Math.max(ctx.clock.t, (await state(good.id)).next_check_at);
    await sched.runDue();
    const s500 = await state(e500.id);
    const sSlow = await state(slow.id);
    assert.equal(s500.healthy, 0);
    assert.equal(s500.unhealthy_reason, 'failures');
    assert.ok(s500.consecutive_failures >= 5);
    assert.equal(delays.length >= 5, true);
    assert.match(s500.last_error!, /HTTP 500/);
    assert.equal(s500.last_error_code, 'YQ_ERR_FETCH_FAILED');
    assert.equal(sSlow.healthy, 0);
    assert.equal(sSlow.last_error_code, 'YQ_ERR_FETCH_TIMEOUT');
    // Exponential backoff: each delay roughly doubles (±10 % jitter), never beyond the cap.
    for (let i = 1; i < delays.length; i++) assert.ok(delays[i]! > delays[i - 1]! * 1.5, `delay ${i} grows: ${delays.join(', ')}`);
    assert.ok(delays.every((d) => d <= 3600_000 * 1.1));
    // The healthy source was checked on its own schedule and collected every entry meanwhile.
    const sGood = await state(good.id);
    assert.equal(sGood.healthy, 1);
    assert.equal(sGood.items_total, entries);
    const goodChecks = await db.selectFrom('source_checks').select(['ok', 'error', 'started_at']).where('source_id', '=', good.id).execute();
    assert.ok(goodChecks.length >= 3 && goodChecks.every((c) => c.ok === 1), `good source checked ${goodChecks.length} times, all fine: ${JSON.stringify(goodChecks)}`);
    const events = await db.selectFrom('source_events').selectAll().orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.source_id, e.kind]).sort(), [[e500.id, 'source_down'], [slow.id, 'source_down']].sort());
    assert.match(events.find((e) => e.source_id === e500.id)!.reason, /3 consecutive failures.*HTTP 500/);

    // The site is fixed: the next (backed-off) check succeeds and the recovery is recorded once.
    broken = false;
    ctx.clock.t = s500.next_check_at;
    await sched.runDue();
    const fixed = await state(e500.id);
    assert.equal(fixed.healthy, 1);
    assert.equal(fixed.consecutive_failures, 0);
    const rec = await db.selectFrom('source_events').selectAll().where('kind', '=', 'source_recovered').execute();
    assert.deepEqual(rec.map((e) => e.source_id), [e500.id]);

    const h = await app.inject({ method: 'GET', url: `/api/sources/${slow.id}/health` });
    assert.equal(h.statusCode, 200);
    const hj = h.json();
    assert.equal(hj.healthy, false);
    assert.equal(hj.consecutive_failures >= 3, true);
    assert.match(hj.last_error, /no complete answer within 1000 ms/);
    assert.equal(hj.recent_checks[0].ok, false);
    assert.equal(hj.events[0].kind, 'source_down');
  } finally {
    await app.close();
    await site.close();
    await ctx.cleanup();
  }
});

test('every failure reason is recorded on the source: 404, redirect loop, too large, gzip bomb, not a feed, a list page with no items', async () => {
  const ctx = await testContext();
  const site = await new FeedSite().start();
  try {
    site.routes.set('/loop-a', (_q, res) => res.writeHead(302, { location: '/loop-b' }).end());
    site.routes.set('/loop-b', (_q, res) => res.writeHead(302, { location: '/loop-a' }).end());
    site.routes.set('/big', (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.alloc(200_000, 0x20)));
    site.routes.set('/text', (_q, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('这不是订阅源，只是一段文字。'));
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    site.routes.set('/bomb', (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb));
    site.routes.set('/empty-list', (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>网站改版中</p></body></html>'));
    const cases: [string, RegExp, string][] = [
      ['/missing', /HTTP 404/, 'YQ_ERR_FETCH_FAILED'],
      ['/loop-a', /redirect loop/, 'YQ_ERR_FETCH_FAILED'],
      ['/big', /exceeds the limit of 100000 bytes/, 'YQ_ERR_FETCH_TOO_LARGE'],
      ['/bomb', /exceeds the limit of 100000 bytes after gzip decompression/, 'YQ_ERR_FETCH_TOO_LARGE'],
      ['/text', /./, 'YQ_ERR_FEED_PARSE'],
      ['/empty-list', /matched nothing/, 'no_items'],
    ];
    const ids: number[] = [];
    for (const [path] of cases) {
      const html = path === '/empty-list';
      const { source } = await createSource(ctx, {
        name: path, kind: html ? 'html' : 'feed', url: `${site.base}${path}`, platform: 'news', interval_s: 600, enabled: true, tags: [],
        settings: html ? { list: { item: 'ul.news li' } } : {},
      });
      ids.push(source.id);
    }
    const r = await new Scheduler(ctx, { ...FAST, maxBytes: 100_000 }).runDue();
    assert.equal(r.failed, cases.length);
    const db = collectDb(ctx.store.db);
    for (const [i, [path, re, code]] of cases.entries()) {
      const s = await db.selectFrom('source_state').selectAll().where('source_id', '=', ids[i]!).executeTakeFirstOrThrow();
      assert.equal(s.consecutive_failures, 1, path);
      assert.match(s.last_error ?? '', re, path);
      assert.equal(s.last_error_code, code, `${path}: ${s.last_error}`);
      const check = await db.selectFrom('source_checks').selectAll().where('source_id', '=', ids[i]!).executeTakeFirstOrThrow();
      assert.equal(check.ok, 0);
      assert.equal(check.error, s.last_error);
    }
  } finally {
    await site.close();
    await ctx.cleanup();
  }
});
