// A per-store cache of parsed event states. It is only a cache: an entry is used while the event row
// still carries the version it was cached under (every write sets a new random version), so a second
// worker's writes, or a rolled-back transaction, are never hidden by it.
import type { EventState } from '../cluster/types.ts';

export interface Cached {
  version: number;
  state: EventState;
  indexed: number;
}

export type StateCache = Map<number, Cached>;

const CACHE_SIZE = 2000;
const caches = new WeakMap<object, StateCache>();

/** The state cache of one store (keyed by an object that lives as long as the store). */
export function stateCache(owner: object): StateCache {
  let c = caches.get(owner);
  if (!c) caches.set(owner, (c = new Map()));
  return c;
}

/** Remember a state under the version just written (least recently written evicted first). */
export function cacheState(cache: StateCache, state: EventState, version: number, indexed: number): void {
  cache.delete(state.id);
  cache.set(state.id, { version, state, indexed });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}
