import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ingest } from '../../src/ingest/pipeline.ts';
import { createContext, closeContext } from '../../src/app-context.ts';
import type { IngestStage } from '../../src/ingest/stage.ts';
import { similarStage } from '../../src/dedup/stage.ts';
import { eventsStage } from '../../src/events/stage.ts';
import { loadCed } from '../../src/events/eval/ced.ts';
import { tokenize } from '../../src/events/cluster/tokens.ts';
import { normalise } from '../../src/text/normalise.ts';
import { prng } from '../../src/util/prng.ts';
import { VERSION_TERM } from '../../src/events/store/background.ts';
import { testContext, sharedData, type TestContext } from '../helpers/context.ts';

/**
 * Real Weibo cascades (posts, replies naming their parent, reposts that copy each other) arriving out of
 * order: each item is shuffled within a window of 25, so many replies come before their parent.
 */
function stream(): Record<string, unknown>[] {
  const events = new Set(['2621_iJ8wqY_1945139410', '2636_iR7LJS_1893801487', '2623_iUcYy4_1783374060', '2601_85jBAr_1700757973']);
  const all = loadCed(sharedData('events/weibo-ced/events.jsonl')).filter((l) => events.has(l.event) && l.text.trim() !== '');
  // The first 60 lines of each cascade, interleaved by time.
  const lines = [...events]
    .flatMap((e) => all.filter((l) => l.event === e).sort((a, b) => a.t - b.t || a.index - b.index).slice(0, 60))
    .sort((a, b) => a.t - b.t || a.index - b.index);
  const r = prng(11);
  const items = lines.map((l, i) => ({
    external_id: l.mid,
    // Every third reply keeps its parent link: the rest must be placed by their words and time.
    parent_external_id: l.parent !== null && i % 3 === 0 ? l.parent : null,
    content: l.text,
    source: r() < 0.5 ? 'weibo-a' : 'weibo-b',
    platform: 'weibo',
    published_at: new Date(l.t).toISOString(),
    metrics: { reposts: l.reposts, comments: l.comments },
  }));
  for (let w = 0; w < items.length; w += 25) {
    for (let i = Math.min(items.length, w + 25) - 1; i > w; i--) {
      const j = w + Math.floor(r() * (i - w + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  }
  return items;
}

/** Everything the events stage wrote (row versions and write times aside). */
async function dump(ctx: TestContext): Promise<unknown> {
  const q = async (s: string) => (await sql.raw(s).execute(ctx.store.db)).rows;
  return {
    items: await q('SELECT item_id, event_id, published_at, weight, sentiment, regions_json, source, platform FROM event_items ORDER BY item_id'),
    events: await q(`SELECT id, title, title_item_id, first_item_id, first_source, first_published_at, last_published_at, item_count,
      keywords_json, centroid_json, regions_json, sentiment_json, source_counts_json, platform_counts_json, stage, heat, status, merged_into
      FROM events ORDER BY id`),
    heat: await q('SELECT event_id, hour_at, volume, round(heat, 6) AS heat FROM event_heat ORDER BY event_id, hour_at'),
    terms: await q('SELECT * FROM event_terms ORDER BY term, event_id'),
    stats: await q(`SELECT * FROM event_term_stats WHERE term <> '${VERSION_TERM}' ORDER BY term`),
  };
}

async function ingestIn(ctx: TestContext, items: Record<string, unknown>[], batch: number, stages: IngestStage[]): Promise<void> {
  for (let i = 0; i < items.length; i += batch) {
    const s = await ingest(ctx, items.slice(i, i + batch), { stages });
    assert.equal(s.rejected, 0);
  }
}

test('a batch decides and writes every item as if each had been written on its own', async () => {
  const items = stream();
  const one = await testContext();
  const many = await testContext();
  try {
    await ingestIn(one, items, 1, [similarStage, eventsStage]);
    await ingestIn(many, items, 80, [similarStage, eventsStage]);
    const a = (await dump(one)) as Record<string, unknown[]>;
    const b = (await dump(many)) as Record<string, unknown[]>;
    for (const table of Object.keys(a)) assert.deepEqual(b[table], a[table], table);
    // The stream does exercise the batch's own links: replies placed before their parent were pulled in.
    assert.ok((a.events as { status: string }[]).some((e) => e.status === 'merged'), 'some events were merged');
  } finally {
    await one.cleanup();
    await many.cleanup();
  }
});

test('every stored item carries its event id when the batch returns, the one event_items holds', async () => {
  const ctx = await testContext();
  const seen = new Map<number, number | undefined>();
  const after: IngestStage = {
    name: 'check',
    async after(_ctx, stored) {
      for (const it of stored) seen.set(it.id, it.enrich.eventId);
    },
  };
  try {
    await ingestIn(ctx, stream().slice(0, 120), 60, [similarStage, eventsStage, after]);
    const rows = (await sql<{ item_id: number; event_id: number }>`SELECT item_id, event_id FROM event_items`.execute(ctx.store.db)).rows;
    const into = new Map((await sql<{ id: number; merged_into: number | null }>`SELECT id, merged_into FROM events`.execute(ctx.store.db)).rows.map((e) => [e.id, e.merged_into]));
    const live = (id: number): number => {
      const next = into.get(id);
      return next === null || next === undefined ? id : live(next);
    };
    assert.equal(seen.size, 120);
    // A later item of the same batch may pull an earlier one's event into its own (a parent after its
    // replies): the id recorded is the event the item joined, which then redirects there.
    for (const r of rows) {
      const id = seen.get(r.item_id);
      assert.ok(id !== undefined, `item ${r.item_id} has no event id`);
      assert.equal(live(id), r.event_id, `item ${r.item_id}`);
    }
  } finally {
    await ctx.cleanup();
  }
});

test('term counts stay exact when two workers take turns and when a batch is redone item by item', async () => {
  const ctx = await testContext();
  const other = await createContext({ config: { dataDir: ctx.dataDir, logLevel: 'silent' }, clock: ctx.clock });
  // Rejects one item, so its batch is rolled back and redone with a savepoint per item.
  const failing: IngestStage = {
    name: 'failing',
    async store(_ctx, _trx, item) {
      if (item.externalId === 'fail-me') throw new Error('no');
    },
  };
  try {
    const items = stream().slice(0, 160);
    items[70] = { ...items[70], external_id: 'fail-me' };
    for (let i = 0; i < items.length; i += 40) {
      await ingest((i / 40) % 2 === 0 ? ctx : other, items.slice(i, i + 40), { stages: [failing, eventsStage] });
    }
    const stored = (await sql<{ title: string; content: string }>`SELECT i.title, i.content FROM items AS i JOIN event_items AS ei ON ei.item_id = i.id`.execute(ctx.store.db)).rows;
    assert.equal(stored.length, 159);
    const want = new Map<string, number>();
    let total = 0;
    for (const r of stored) {
      for (const [w, c] of tokenize(normalise(`${r.title}\n${r.content}`), { normalised: true })) {
        want.set(w, (want.get(w) ?? 0) + c);
        total += c;
      }
    }
    want.set('', total);
    const got = new Map((await sql<{ term: string; count: number }>`SELECT term, count FROM event_term_stats WHERE count > 0 AND term <> ${VERSION_TERM}`.execute(ctx.store.db)).rows.map((r) => [r.term, Number(r.count)]));
    assert.deepEqual(new Map([...got].sort()), new Map([...want].sort()));
  } finally {
    await closeContext(other);
    await ctx.cleanup();
  }
});
