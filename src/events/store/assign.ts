// The stored clusterer: assigns one item to an event inside the ingest transaction, with the same rules
// as the in-memory one (cluster/policy.ts, cluster/score.ts) applied to events read from the database
// through a batch session (session.ts), which holds what earlier items of the batch changed.
import { decide } from '../cluster/score.ts';
import { absorb } from '../cluster/state.ts';
import { decisionParams, eventsToPull, fallbackTarget, isOrphan, isStoryStart, linkedTarget, type ItemLinks } from '../cluster/policy.ts';
import { candidateStates } from './candidates.ts';
import { groupEvent, parentEvent, siblingEvent, splitApart } from './links.ts';
import { mergeEvents } from './merge.ts';
import type { TouchedEvent } from './touched.ts';
import { insertEventItem } from './write.ts';
import type { EventItemData } from './item-data.ts';
import type { EventSession } from './session.ts';

/** The item's links to stored events (see cluster/policy.ts). */
async function itemLinks(s: EventSession, item: EventItemData): Promise<ItemLinks> {
  const db = s.db;
  const parent = item.parentExternalId !== null ? await parentEvent(db, item.parentExternalId, item.sourceKey) : null;
  const span = (id: number, first: number, last: number) => s.spanOf(id, first, last);
  return {
    parent,
    sibling: parent === null && item.parentExternalId !== null ? await siblingEvent(db, item.parentExternalId, item.id) : null,
    group: item.similarGroupId !== null ? await groupEvent(db, item.similarGroupId, item.id, item.publishedAt, s.p.windowMs, span) : null,
    children: await s.childEventsOf(item),
  };
}

/** The scored decision over candidate events; returns the chosen event's id or null for a new event. */
async function decideStored(s: EventSession, item: EventItemData, links: ItemLinks): Promise<number | null> {
  const t = item.publishedAt;
  const states = await candidateStates(s, item.lookup, t, item.batch);
  if (states.length === 0) return null;
  await s.loadTerms(item);
  const ctx = { bg: s.stats.background(), births: await s.birthsAt(t), infos: item.infos };
  const dp = decisionParams(s.p, isOrphan(item.parentExternalId, links), isStoryStart(item.title.trim() !== '', item.reposts, item.comments));
  return decide(states, item.bag, item.regions.map((r) => r.code), t, ctx, dp)?.event.id ?? null;
}

/** Children that came before their parent are pulled into its event, unless an operator split them apart. */
async function pullChildren(s: EventSession, links: ItemLinks, targetId: number): Promise<void> {
  let flushed = false;
  for (const other of eventsToPull(links, targetId)) {
    if (await splitApart(s.db, other, targetId)) continue;
    // A merge reads and rewrites the rows: they must hold everything the session changed first.
    if (!flushed) await s.flush();
    flushed = true;
    await mergeEvents(s.db, other, targetId, s.p, s.now);
  }
}

/** Assign the item to an event (creating one if needed); returns the event id. */
export async function assignItem(s: EventSession, item: EventItemData): Promise<number> {
  await s.beginItem(item);
  const links = await itemLinks(s, item);
  const targetId = linkedTarget(links) ?? (await decideStored(s, item, links)) ?? fallbackTarget(links);
  let e: TouchedEvent;
  if (targetId === null) {
    e = await s.createEvent(item);
  } else {
    await pullChildren(s, links, targetId);
    e = await s.touch(targetId);
  }
  const firstBefore = e.state.firstAt;
  const becameTitle = absorb(e.state, {
    itemId: item.id, t: item.publishedAt, bag: item.bag, regions: item.regions.map((r) => r.code), reposts: item.reposts, comments: item.comments,
    weight: item.weight, titleWorthy: item.titleWorthy, isReply: item.parentExternalId !== null, infos: item.infos,
  }, s.p);
  s.recordAbsorbed(e, item, becameTitle, firstBefore);
  s.stats.add(item.bag, item.infos);
  await insertEventItem(s.db, e.state.id, item);
  s.noteStored(item, e.state.id);
  return e.state.id;
}
