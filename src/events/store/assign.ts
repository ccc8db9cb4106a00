// The stored clusterer: assigns one item to an event inside the ingest transaction. Same rules as the
// in-memory one (cluster/memory.ts): certain links first (parent, children waiting for this parent,
// siblings of an unknown parent), then the similar-group, then the scored decision over candidate events
// read from the database. Nothing is kept in memory except a cache of parsed states checked by version.
import { decide } from '../cluster/score.ts';
import { decisionParams, eventsToPull, fallbackTarget, isOrphan, linkedTarget, type ItemLinks } from '../cluster/policy.ts';
import { HOUR_MS } from '../cluster/params.ts';
import { absorb, emptyState } from '../cluster/state.ts';
import type { ClusterParams, EventState } from '../cluster/types.ts';
import { addToBackground, loadBackground } from './background.ts';
import { cacheState, candidateIds, loadStates, stateCache } from './candidates.ts';
import { childEvents, groupEvent, parentEvent, siblingEvent, splitApart } from './links.ts';
import { mergeEvents } from './merge.ts';
import { createEventRow, saveItemToEvent } from './write.ts';
import type { EventItemData } from './item-data.ts';
import type { EventDb } from './tables.ts';

/** The item's links to stored events (see cluster/policy.ts). */
async function itemLinks(db: EventDb, item: EventItemData): Promise<ItemLinks> {
  const parent = item.parentExternalId !== null ? await parentEvent(db, item.parentExternalId, item.sourceKey) : null;
  return {
    parent,
    sibling: parent === null && item.parentExternalId !== null ? await siblingEvent(db, item.parentExternalId, item.id) : null,
    group: item.similarGroupId !== null ? await groupEvent(db, item.similarGroupId, item.id) : null,
    children: item.externalId !== null ? await childEvents(db, item.externalId, item.id) : [],
  };
}

/** Events born in the hours before t (estimate of the current rate of new stories). */
async function birthsBefore(db: EventDb, t: number, p: ClusterParams): Promise<number> {
  const h0 = Math.floor(t / HOUR_MS) * HOUR_MS;
  const r = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('first_published_at', '>=', h0 - (p.birthWindowHours - 1) * HOUR_MS)
    .where('first_published_at', '<', h0 + HOUR_MS)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Assign the item to an event (creating one if needed) and write everything; returns the event id.
 * `cacheOwner` keys the state cache (the store object).
 */
export const TIMES: Record<string, number> = {};
let T = 0;
const lap = (k: string) => { const n = performance.now(); TIMES[k] = (TIMES[k] ?? 0) + n - T; T = n; };
export async function assignItem(db: EventDb, cacheOwner: object, item: EventItemData, p: ClusterParams, now: number): Promise<number> {
  T = performance.now();
  const cache = stateCache(cacheOwner);
  const links = await itemLinks(db, item);
  lap('links');
  const t = item.publishedAt;
  let targetId = linkedTarget(links);
  if (targetId === null) {
    const ids = await candidateIds(db, item.lookup, t, p); lap('candidates');
    const states = await loadStates(db, cache, ids); lap('load');
    const ctx = { bg: await loadBackground(db, item.bag), births: await birthsBefore(db, t, p) }; lap('bg+births');
    const dp = decisionParams(p, isOrphan(item.parentExternalId, links), item.title.trim() !== '');
    targetId = decide([...states.values()].map((c) => c.state), item.bag, item.regions.map((r) => r.code), t, ctx, dp)?.event.id ?? fallbackTarget(links);
  }
  let state: EventState;
  let indexed = 0;
  if (targetId === null) {
    targetId = await createEventRow(db, item, now);
    state = emptyState(targetId, t, item.id);
  } else {
    // Children that came before their parent are pulled into its event, unless an operator split them apart.
    for (const other of eventsToPull(links, targetId)) {
      if (!(await splitApart(db, other, targetId))) await mergeEvents(db, other, targetId, p, now);
    }
    const loaded = (await loadStates(db, cache, [targetId])).get(targetId);
    if (!loaded) throw new Error(`event ${targetId} vanished during assignment`);
    state = loaded.state;
    indexed = loaded.indexed;
  }
  // The cached object is about to change: drop it until the new version is written.
  cache.delete(targetId);
  const becameTitle = absorb(state, {
    itemId: item.id, t, bag: item.bag, regions: item.regions.map((r) => r.code), reposts: item.reposts,
    weight: item.weight, titleWorthy: item.titleWorthy,
  }, p);
  lap('decide');
  const saved = await saveItemToEvent(db, state, indexed, item, becameTitle, now);
  lap('save');
  await addToBackground(db, item.bag);
  lap('addbg');
  cacheState(cache, state, saved.version, saved.indexed);
  return targetId;
}
