// The stored clusterer: assigns one item to an event inside the ingest transaction, with the same rules
// as the in-memory one (cluster/policy.ts, cluster/score.ts) applied to events read from the database.
// Nothing is kept in memory except a cache of parsed states checked by version.
import { decide } from '../cluster/score.ts';
import { absorb, emptyState } from '../cluster/state.ts';
import { decisionParams, eventsToPull, fallbackTarget, isOrphan, isStoryStart, linkedTarget, type ItemLinks } from '../cluster/policy.ts';
import type { ClusterParams, EventState } from '../cluster/types.ts';
import { addToBackground, loadDecisionInputs } from './background.ts';
import { candidateHeads, headOf, loadStates, type EventHead } from './candidates.ts';
import { cacheState, stateCache } from './state-cache.ts';
import { childEvents, groupEvent, parentEvent, siblingEvent, splitApart } from './links.ts';
import { mergeEvents } from './merge.ts';
import { createEventRow, saveItemToEvent } from './write.ts';
import type { EventItemData } from './item-data.ts';
import type { EventDb } from './tables.ts';

/** The item's links to stored events (see cluster/policy.ts). */
async function itemLinks(db: EventDb, item: EventItemData, p: ClusterParams): Promise<ItemLinks> {
  const parent = item.parentExternalId !== null ? await parentEvent(db, item.parentExternalId, item.sourceKey) : null;
  return {
    parent,
    sibling: parent === null && item.parentExternalId !== null ? await siblingEvent(db, item.parentExternalId, item.id) : null,
    group: item.similarGroupId !== null ? await groupEvent(db, item.similarGroupId, item.id, item.publishedAt, p.windowMs) : null,
    children: item.externalId !== null ? await childEvents(db, item.externalId, item.id) : [],
  };
}

/** The scored decision over candidate events; returns the chosen head or null for a new event. */
async function decideStored(db: EventDb, item: EventItemData, links: ItemLinks, p: ClusterParams, cache: ReturnType<typeof stateCache>): Promise<EventHead | null> {
  const t = item.publishedAt;
  const heads = await candidateHeads(db, item.lookup, t, p);
  if (heads.length === 0) return null;
  const states = await loadStates(db, cache, heads);
  const ctx = await loadDecisionInputs(db, item.bag, t, p);
  const dp = decisionParams(p, isOrphan(item.parentExternalId, links), isStoryStart(item.title.trim() !== '', item.reposts, item.comments));
  const chosen = decide([...states.values()].map((c) => c.state), item.bag, item.regions.map((r) => r.code), t, ctx, dp);
  return chosen ? heads.find((h) => h.id === chosen.event.id) ?? null : null;
}

/**
 * Assign the item to an event (creating one if needed) and write everything; returns the event id.
 * `cacheOwner` keys the state cache (the store object).
 */
export async function assignItem(db: EventDb, cacheOwner: object, item: EventItemData, p: ClusterParams, now: number): Promise<number> {
  const cache = stateCache(cacheOwner);
  const links = await itemLinks(db, item, p);
  const linked = linkedTarget(links);
  let targetId = linked ?? (await decideStored(db, item, links, p, cache))?.id ?? fallbackTarget(links);
  let state: EventState;
  let indexed = 0;
  let head: EventHead | null = null;
  if (targetId === null) {
    targetId = await createEventRow(db, item, now);
    state = emptyState(targetId, item.publishedAt, item.id);
  } else {
    // Children that came before their parent are pulled into its event, unless an operator split them apart.
    for (const other of eventsToPull(links, targetId)) {
      if (!(await splitApart(db, other, targetId))) await mergeEvents(db, other, targetId, p, now);
    }
    head = await headOf(db, targetId);
    if (!head) throw new Error(`event ${targetId} vanished during assignment`);
    const loaded = (await loadStates(db, cache, [head])).get(targetId)!;
    state = loaded.state;
    indexed = loaded.indexed;
  }
  // The cached object is about to change: drop it until the new version is written.
  cache.delete(targetId);
  const becameTitle = absorb(state, {
    itemId: item.id, t: item.publishedAt, bag: item.bag, regions: item.regions.map((r) => r.code), reposts: item.reposts, comments: item.comments,
    weight: item.weight, titleWorthy: item.titleWorthy, isReply: item.parentExternalId !== null,
  }, p);
  const saved = await saveItemToEvent(db, state, indexed, head, item, becameTitle, now);
  await addToBackground(db, item.bag);
  cacheState(cache, state, saved.version, saved.indexed);
  return targetId;
}
