// The stored clusterer: assigns one item to an event inside the ingest transaction. Same rules as the
// in-memory one (cluster/memory.ts): certain links first (parent, children waiting for this parent,
// siblings of an unknown parent), then the similar-group, then the scored decision over candidate events
// read from the database. Nothing is kept in memory except a cache of parsed states checked by version.
import { decide } from '../cluster/score.ts';
import { absorb, emptyState } from '../cluster/state.ts';
import type { ClusterParams, EventState } from '../cluster/types.ts';
import { addToBackground, loadBackground } from './background.ts';
import { cacheState, candidateIds, loadStates, stateCache } from './candidates.ts';
import { childEvents, groupEvent, parentEvent, siblingEvent, splitApart } from './links.ts';
import { mergeEvents } from './merge.ts';
import { createEventRow, saveItemToEvent } from './write.ts';
import type { EventItemData } from './item-data.ts';
import type { EventDb } from './tables.ts';

/** Events the item is certainly linked to (first one wins), and its similar-group's event. */
async function linkedEvents(db: EventDb, item: EventItemData): Promise<{ certain: number[]; group: number | null }> {
  const certain: number[] = [];
  const push = (e: number | null) => {
    if (e !== null && !certain.includes(e)) certain.push(e);
  };
  let parent: number | null = null;
  if (item.parentExternalId !== null) {
    parent = await parentEvent(db, item.parentExternalId, item.sourceKey);
    push(parent);
  }
  if (item.externalId !== null) for (const e of await childEvents(db, item.externalId, item.id)) push(e);
  if (item.parentExternalId !== null && parent === null) push(await siblingEvent(db, item.parentExternalId, item.id));
  const group = item.similarGroupId !== null ? await groupEvent(db, item.similarGroupId, item.id) : null;
  return { certain, group };
}

/**
 * Assign the item to an event (creating one if needed) and write everything; returns the event id.
 * `cacheOwner` keys the state cache (the store object).
 */
export async function assignItem(db: EventDb, cacheOwner: object, item: EventItemData, p: ClusterParams, now: number): Promise<number> {
  const cache = stateCache(cacheOwner);
  const { certain, group } = await linkedEvents(db, item);
  let targetId: number | null = certain[0] ?? group;
  const t = item.publishedAt;
  const bg = await loadBackground(db, item.bag);
  if (targetId === null) {
    const states = await loadStates(db, cache, await candidateIds(db, item.lookup, t, p));
    targetId = decide([...states.values()].map((c) => c.state), item.bag, item.regions.map((r) => r.code), t, bg, p)?.event.id ?? null;
  }
  let state: EventState;
  let indexed = 0;
  if (targetId === null) {
    targetId = await createEventRow(db, item, now);
    state = emptyState(targetId, t, item.id);
  } else {
    // Children or siblings already in other events: a parent pulls its thread together, unless an
    // operator split those events apart.
    for (const other of certain) {
      if (other !== targetId && !(await splitApart(db, other, targetId))) await mergeEvents(db, other, targetId, p, now);
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
  const saved = await saveItemToEvent(db, state, indexed, item, becameTitle, now);
  await addToBackground(db, item.bag);
  cacheState(cache, state, saved.version, saved.indexed);
  return targetId;
}
