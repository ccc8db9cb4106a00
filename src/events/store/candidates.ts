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
const PER_TERM_SCAN = 64;
/** Events taken per term, so one common term cannot fill the candidate list. */
const PER_TERM_TAKE = 8;

export const HEAD_COLUMNS = [
  'id', 'status', 'title', 'regions_json', 'sentiment_json', 'source_counts_json', 'platform_counts_json',
  'item_count', 'first_published_at', 'last_published_at', 'first_item_id', 'title_item_id', 'version',
] as const;
export type EventHead = Pick<EventRow, (typeof HEAD_COLUMNS)[number]>;

const inWindow = (h: EventHead, t: number, p: ClusterParams) =>
  h.status === 'open' && t <= Number(h.last_published_at) + p.windowMs && t >= Number(h.first_published_at) - p.windowMs;

/** Heads of open events sharing telling terms with the item, at most PER_TERM_TAKE per term. */
async function termHeads(db: EventDb, tokens: string[], t: number, p: ClusterParams): Promise<EventHead[]> {
  if (tokens.length === 0) return [];
  const parts = tokens.map((term, i) => sql`SELECT * FROM (SELECT ${i} AS k, event_id FROM event_terms WHERE term = ${term} ORDER BY event_id DESC LIMIT ${PER_TERM_SCAN}) AS ${sql.raw(`t${i}`)}`);
  const cols = sql.join(HEAD_COLUMNS.map((c) => sql.ref(`e.${c}`)));
  const r = await sql<EventHead & { k: number }>`SELECT u.k, ${cols} FROM (${sql.join(parts, sql` UNION ALL `)}) AS u
    JOIN events AS e ON e.id = u.event_id`.execute(db);
  const rows = r.rows.filter((h) => inWindow(h, t, p)).sort((a, b) => a.k - b.k || b.id - a.id);
  const out = new Map<number, EventHead>();
  const taken = new Map<number, number>();
  for (const h of rows) {
    if (out.size >= p.maxTermCandidates) break;
    if (out.has(h.id) || (taken.get(h.k) ?? 0) >= PER_TERM_TAKE) continue;
    taken.set(h.k, (taken.get(h.k) ?? 0) + 1);
    out.set(h.id, h);
  }
  return [...out.values()];
}

/** Heads of the hottest events whose activity reaches t. */
async function hotHeads(db: EventDb, t: number, p: ClusterParams): Promise<EventHead[]> {
  const reach = 3 * p.tauHours * HOUR_MS;
  // The unary plus keeps SQLite walking the heat index (hottest first, stopping at the limit)
  // instead of sorting every event of the period; PostgreSQL reads it as a no-op.
  return db
    .selectFrom('events')
    .select([...HEAD_COLUMNS])
    .where('status', '=', 'open')
    .where(sql<boolean>`+last_published_at >= ${t - reach}`)
    .where(sql<boolean>`+first_published_at <= ${t + reach}`)
    .orderBy('heat', 'desc')
    .orderBy('id', 'desc')
    .limit(p.maxHotCandidates)
    .execute();
}

/** Heads of all candidate events for an item at time t. */
export async function candidateHeads(db: EventDb, tokens: string[], t: number, p: ClusterParams): Promise<EventHead[]> {
  const out = new Map((await termHeads(db, tokens, t, p)).map((h) => [h.id, h]));
  for (const h of await hotHeads(db, t, p)) if (!out.has(h.id)) out.set(h.id, h);
  return [...out.values()];
}

/** The head of one open event, or null. */
export async function headOf(db: EventDb, id: number): Promise<EventHead | null> {
  return (await db.selectFrom('events').select([...HEAD_COLUMNS]).where('id', '=', id).where('status', '=', 'open').executeTakeFirst()) ?? null;
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
    const rows = await db.selectFrom('events').select(['id', 'centroid_json']).where('id', 'in', missing.map((h) => h.id)).execute();
    const json = new Map(rows.map((r) => [r.id, r.centroid_json]));
    for (const h of missing) {
      const { state, indexed } = stateFromRow({ ...h, centroid_json: json.get(h.id) ?? '{}' } as StateRow);
      const c = { version: Number(h.version), state, indexed };
      cacheState(cache, state, c.version, indexed);
      out.set(h.id, c);
    }
  }
  return out;
}
