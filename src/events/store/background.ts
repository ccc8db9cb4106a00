// The stream's term counts in the database (event_term_stats; the row with term '' holds the total), the
// stored counterpart of the in-memory clusterer's StreamBackground.
import { sql } from 'kysely';
import { streamP, type Background } from '../cluster/background.ts';
import type { Bag } from '../cluster/tokens.ts';
import type { EventDb } from './tables.ts';

/** The background for an item's tokens (one query). */
export async function loadBackground(db: EventDb, bag: Bag): Promise<Background> {
  const terms = ['', ...bag.keys()];
  const rows = await db.selectFrom('event_term_stats').select(['term', 'count']).where('term', 'in', terms).execute();
  const counts = new Map(rows.map((r) => [r.term, Number(r.count)]));
  const total = counts.get('') ?? 0;
  return { pBg: (w) => streamP(w, counts.get(w) ?? 0, total) };
}

/** Count an item's tokens into the stream's statistics (one statement). */
export async function addToBackground(db: EventDb, bag: Bag): Promise<void> {
  if (bag.size === 0) return;
  let total = 0;
  const values = [...bag].map(([term, count]) => {
    total += count;
    return { term, count };
  });
  values.push({ term: '', count: total });
  await db
    .insertInto('event_term_stats')
    .values(values)
    .onConflict((oc) => oc.column('term').doUpdateSet({ count: sql<number>`event_term_stats.count + excluded.count` }))
    .execute();
}
