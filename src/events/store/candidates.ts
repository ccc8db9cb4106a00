// Candidate events of an item, read from the database in few queries: open events in the time window
// that share one of the item's telling terms (newest first per term, as the in-memory TermIndex reads),
// plus the hottest events active near its time. Rows come with everything the decision and the update
// need (the "head"); centroids are parsed only for events the state cache does not hold at that version.
import { sql } from 'kysely';
import type { ClusterParams } from '../cluster/types.ts';
import { HOUR_MS } from '../cluster/params.ts';
import { stateFromRow, type StateRow } from './state-json.ts';
import { cacheState, type Cached, type StateCache } from './state-cache.ts';
import type { EventDb, EventRow } from './tables.ts';

/** Newest events per telling term read (the in-memory TermIndex reads as many). */
const PER_TERM_SCAN = 16;
/** Events taken per term, so one common term cannot fill the candidate list. */
const PER_TERM_TAKE = 8;

export const HEAD_COLUMNS = [
  'id', 'status', 'title', 'regions_json', 'sentiment_json', 'source_counts_json', 'platform_counts_json',
  'item_count', 'first_published_at', 'last_published_at', 'first_item_id', 'title_item_id', 'version',
] as const;
export type EventHead = Pick<EventRow, (typeof HEAD_COLUMNS)[number]>;
const HEADS = sql.raw(HEAD_COLUMNS.map((c) => `e.${c}`).join(', '));

/** Ids of open events sharing telling terms with the item, at most PER_TERM_TAKE per term. */
async function termIds(db: EventDb, tokens: string[], t: number, p: ClusterParams): Promise<number[]> {
  if (tokens.length === 0) return [];
  const parts = tokens.map((term, i) => sql`SELECT * FROM (SELECT ${i} AS k, event_id FROM event_terms WHERE term = ${term} ORDER BY event_id DESC LIMIT ${PER_TERM_SCAN}) AS ${sql.raw(`t${i}`)}`);
  // Only the small leading columns here; full heads are read for the few events chosen.
  const r = await sql<{ k: number; id: number; status: string; first_published_at: number; last_published_at: number }>`
    SELECT u.k, e.id, e.status, e.first_published_at, e.last_published_at
    FROM (${sql.join(parts, sql` UNION ALL `)}) AS u JOIN events AS e ON e.id = u.event_id`.execute(db);
  const rows = r.rows
    .filter((h) => h.status === 'open' && t <= Number(h.last_published_at) + p.windowMs && t >= Number(h.first_published_at) - p.windowMs)
    .sort((a, b) => a.k - b.k || b.id - a.id);
  const out = new Set<number>();
  const taken = new Map<number, number>();
  for (const h of rows) {
    if (out.size >= p.maxTermCandidates) break;
    if (out.has(h.id) || (taken.get(h.k) ?? 0) >= PER_TERM_TAKE) continue;
    taken.set(h.k, (taken.get(h.k) ?? 0) + 1);
    out.add(h.id);
  }
  return [...out];
}

/** Heads of the hottest events whose activity reaches t. */
async function hotHeads(db: EventDb, t: number, p: ClusterParams): Promise<EventHead[]> {
  const reach = 3 * p.tauHours * HOUR_MS;
  // The unary plus keeps SQLite walking the heat index (hottest first, stopping at the limit)
  // instead of sorting every event of the period; PostgreSQL reads it as a no-op.
  const r = await sql<EventHead>`SELECT ${HEADS} FROM events AS e WHERE e.status = 'open'
    AND +e.last_published_at >= ${t - reach} AND +e.first_published_at <= ${t + reach}
    ORDER BY e.heat DESC, e.id DESC LIMIT ${p.maxHotCandidates}`.execute(db);
  return r.rows;
}

/** Heads of all candidate events for an item at time t. */
export async function candidateHeads(db: EventDb, tokens: string[], t: number, p: ClusterParams): Promise<EventHead[]> {
  const out = new Map((await hotHeads(db, t, p)).map((h) => [h.id, h]));
  const more = (await termIds(db, tokens, t, p)).filter((id) => !out.has(id));
  if (more.length > 0) {
    const r = await sql<EventHead>`SELECT ${HEADS} FROM events AS e WHERE e.id IN (${sql.join(more)})`.execute(db);
    for (const h of r.rows) out.set(h.id, h);
  }
  return [...out.values()];
}

/** The head of one open event, or null. */
export async function headOf(db: EventDb, id: number): Promise<EventHead | null> {
  return (await sql<EventHead>`SELECT ${HEADS} FROM events AS e WHERE e.id = ${id} AND e.status = 'open'`.execute(db)).rows[0] ?? null;
}

/** States of the given heads, parsing centroid_json only for those the cache does not hold. */
export async function loadStates(db: EventDb, cache: StateCache, heads: EventHead[]): Promise<Map<number, Cached>> {
  const out = new Map<number, Cached>();
  const missing: EventHead[] = [];
  for (const h of heads) {
    const c = cache.get(h.id);
    if (c && c.version === Number(h.version)) out.set(h.id, c);
    else missing.push(h);
  }
  if (missing.length > 0) {
    const r = await sql<{ id: number; centroid_json: string }>`SELECT id, centroid_json FROM events WHERE id IN (${sql.join(missing.map((h) => h.id))})`.execute(db);
    const json = new Map(r.rows.map((x) => [x.id, x.centroid_json]));
    for (const h of missing) {
      const { state, indexed } = stateFromRow({ ...h, centroid_json: json.get(h.id) ?? '{}' } as StateRow);
      const c = { version: Number(h.version), state, indexed };
      cacheState(cache, state, c.version, indexed);
      out.set(h.id, c);
    }
  }
  return out;
}
