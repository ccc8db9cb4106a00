import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSource } from '../../src/collect/register/repo.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { checkSilence } from '../../src/collect/health/silence.ts';
import { dailyRate, median } from '../../src/collect/health/usual-rate.ts';
import { recordItems } from '../../src/collect/health/record.ts';
import { localDay, previousDays } from '../../src/collect/health/day.ts';
import { testContext } from '../helpers/context.ts';

const DAY = 86_400_000;
const HOUR = 3600_000;

test('median and local days', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  // 2026-11-20 02:00 UTC is 10:00 in Shanghai; 2026-11-19 20:00 UTC is already the 20th there.
  assert.equal(localDay(Date.UTC(2026, 10, 19, 20), 'Asia/Shanghai'), '2026-11-20');
  assert.deepEqual(previousDays(Date.UTC(2026, 10, 1, 2), 'Asia/Shanghai', 2), ['2026-10-31', '2026-10-30']);
});

test('a source silent far beyond its usual gap goes unhealthy with a source_down event, and recovers when items come back', async () => {
  const ctx = await testContext();
  try {
    const db = collectDb(ctx.store.db);
    const now = ctx.clock.now();
    const { source: busy } = await createSource(ctx, { name: 'busy', kind: 'feed', url: 'https://news.example.cn/rss', platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    const { source: sparse } = await createSource(ctx, { name: 'sparse', kind: 'feed', url: 'https://gov.example.cn/rss', platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    await createSource(ctx, { name: 'fresh', kind: 'feed', url: 'https://new.example.cn/rss', platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    // busy and sparse were registered 20 days ago; fresh only yesterday (too little history to judge).
    await db.updateTable('sources').set({ created_at: now - 20 * DAY }).where('id', 'in', [busy.id, sparse.id]).execute();
    const days = previousDays(now, ctx.config.timezone, 14);
    for (const [i, day] of days.entries()) {
      await db.insertInto('source_daily_counts').values({ source_id: busy.id, day, items: i === 3 ? 200 : 24 }).execute();
      if (i % 7 === 0) await db.insertInto('source_daily_counts').values({ source_id: sparse.id, day, items: 1 }).execute();
    }
    // All three last brought something 14 hours ago.
    await db.updateTable('source_state').set({ last_item_at: now - 14 * HOUR }).execute();

    const rate = await dailyRate(ctx, busy.id, now - 20 * DAY, now);
    assert.equal(rate.median, 24, 'one burst day does not move the usual rate');
    assert.equal(rate.days, 14);

    // busy: usually one item an hour, quiet for 14 h (> 4 gaps and > 12 h) → silent.
    // sparse: median 0 a day → no usual rate to judge by. fresh: no history.
    assert.deepEqual(await checkSilence(ctx), [busy.id]);
    assert.deepEqual(await checkSilence(ctx), [], 'marked once');
    const st = await db.selectFrom('source_state').selectAll().where('source_id', '=', busy.id).executeTakeFirstOrThrow();
    assert.equal(st.healthy, 0);
    assert.equal(st.unhealthy_reason, 'silent');
    const ev = await db.selectFrom('source_events').selectAll().execute();
    assert.equal(ev.length, 1);
    assert.equal(ev[0]!.kind, 'source_down');
    assert.match(ev[0]!.reason, /no new items for 14 h; usually 24 a day/);

    await recordItems(ctx, db, busy.id, 3, now + HOUR);
    const back = await db.selectFrom('source_state').selectAll().where('source_id', '=', busy.id).executeTakeFirstOrThrow();
    assert.equal(back.healthy, 1);
    assert.equal(back.items_total, 3);
    const counts = await db.selectFrom('source_daily_counts').selectAll().where('source_id', '=', busy.id).where('day', '=', localDay(now + HOUR, ctx.config.timezone)).executeTakeFirstOrThrow();
    assert.equal(counts.items, 3);
    assert.deepEqual((await db.selectFrom('source_events').select('kind').orderBy('id').execute()).map((e) => e.kind), ['source_down', 'source_recovered']);
  } finally {
    await ctx.cleanup();
  }
});
