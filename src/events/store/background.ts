// The stream's term counts in the database (event_term_stats; the row with term '' holds the total), the
// stored counterpart of the in-memory clusterer's StreamBackground, read together with the count of
// recent event births (both feed the decision, so one query serves them).
import { sql } from 'kysely';
import { streamP, type Background } from '../cluster/background.ts';
import { HOUR_MS } from '../cluster/params.ts';
import type { ClusterParams } from '../cluster/types.ts';
import type { Bag } from '../cluster/tokens.ts';
import type { EventDb } from './tables.ts';

/** The background for an item's tokens and the events born in the birth window up to t's hour. */
export async function loadDecisionInputs(db: EventDb, bag: Bag, t: number, p: ClusterParams): Promise<{ bg: Background; births: number }> {
  const h0 = Math.floor(t / HOUR_MS) * HOUR_MS;
  const terms = ['', ...bag.keys()];
  const r = await sql<{ term: string | null; n: number }>`
    SELECT term, count AS n FROM event_term_stats WHERE term IN (${sql.join(terms)})
    UNION ALL
    SELECT NULL AS term, count(*) AS n FROM events WHERE first_published_at >= ${h0 - (p.birthWindowHours - 1) * HOUR_MS} AND first_published_at < ${h0 + HOUR_MS}`.execute(db);
  const counts = new Map<string, number>();
  let births = 0;
  for (const row of r.rows) {
    if (row.term === null) births = Number(row.n);
    else counts.set(row.term, Number(row.n));
  }
  const total = counts.get('') ?? 0;
  return { bg: { pBg: (w) => streamP(w, counts.get(w) ?? 0, total) }, births };
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
  const rows = sql.join(values.map((v) => sql`(${v.term}, ${v.count})`));
  await sql`INSERT INTO event_term_stats (term, count) VALUES ${rows}
    ON CONFLICT (term) DO UPDATE SET count = event_term_stats.count + excluded.count`.execute(db);
}
