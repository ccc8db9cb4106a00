// Candidate events of an item, read from the database: open events in the time window that share one of
// the item's telling terms, plus the busiest events active near its time. States are parsed from their
// rows; a per-store cache keeps parsed states only while the row's version is unchanged, so a second
// worker's writes are always seen.
import type { ClusterParams, EventState } from '../cluster/types.ts';
import { HOUR_MS } from '../cluster/params.ts';
import { stateFromRow, type StateRow } from './state-json.ts';
import type { EventDb } from './tables.ts';

interface Cached {
  version: number;
  state: EventState;
  indexed: number;
}

const CACHE_SIZE = 2000;
const caches = new WeakMap<object, Map<number, Cached>>();

/** The state cache of one store (keyed by an object that lives as long as the store). */
export function stateCache(owner: object): Map<number, Cached> {
  let c = caches.get(owner);
  if (!c) caches.set(owner, (c = new Map()));
  return c;
}

/** Remember a state under the version just written. */
export function cacheState(cache: Map<number, Cached>, state: EventState, version: number, indexed: number): void {
  cache.delete(state.id);
  cache.set(state.id, { version, state, indexed });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}

/** Ids of candidate events for an item at time t with the given lookup tokens. */
export async function candidateIds(db: EventDb, tokens: string[], t: number, p: ClusterParams): Promise<number[]> {
  const ids = new Set<number>();
  if (tokens.length > 0) {
    const rows = await db
      .selectFrom('event_terms as et')
      .innerJoin('events as e', 'e.id', 'et.event_id')
      .select('e.id')
      .distinct()
      .where('et.term', 'in', tokens)
      .where('e.status', '=', 'open')
      .where('e.last_published_at', '>=', t - p.windowMs)
      .where('e.first_published_at', '<=', t + p.windowMs)
      .orderBy('e.id', 'desc')
      .limit(p.maxTermCandidates)
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  const reach = 3 * p.tauHours * HOUR_MS;
  const hot = await db
    .selectFrom('events')
    .select('id')
    .where('status', '=', 'open')
    .where('last_published_at', '>=', t - reach)
    .where('first_published_at', '<=', t + reach)
    .orderBy('heat', 'desc')
    .orderBy('id', 'desc')
    .limit(p.maxHotCandidates)
    .execute();
  for (const r of hot) ids.add(r.id);
  return [...ids];
}

const STATE_COLUMNS = ['id', 'regions_json', 'item_count', 'first_published_at', 'last_published_at', 'first_item_id', 'title_item_id', 'version'] as const;

/** Load states of the given events, parsing centroid_json only for rows the cache does not hold. */
export async function loadStates(db: EventDb, cache: Map<number, Cached>, ids: number[]): Promise<Map<number, Cached>> {
  const out = new Map<number, Cached>();
  if (ids.length === 0) return out;
  const heads = await db.selectFrom('events').select([...STATE_COLUMNS]).where('id', 'in', ids).where('status', '=', 'open').execute();
  const missing: number[] = [];
  for (const h of heads) {
    const c = cache.get(h.id);
    if (c && c.version === Number(h.version)) out.set(h.id, c);
    else missing.push(h.id);
  }
  if (missing.length > 0) {
    const rows = await db.selectFrom('events').select([...STATE_COLUMNS, 'centroid_json']).where('id', 'in', missing).execute();
    for (const r of rows) {
      const { state, indexed } = stateFromRow(r as StateRow);
      const c = { version: Number(r.version), state, indexed };
      cacheState(cache, state, c.version, indexed);
      out.set(r.id, c);
    }
  }
  return out;
}
