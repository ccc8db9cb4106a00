// The in-memory single-pass clusterer: links first (parent, children waiting for this parent, siblings
// of an unknown parent, similar-group), then the scored decision over candidate events found by shared
// telling terms and by recent activity. Used offline (`analyze --events`, eval, bench); the stored stage
// applies the same decision and state updates to events loaded from the database.
import { clusterParams, HOUR_MS } from './params.ts';
import { decide } from './score.ts';
import { decisionParams, eventsToPull, fallbackTarget, isOrphan, isStoryStart, linkedTarget, type ItemLinks } from './policy.ts';
import { HotBoard, TermIndex } from './memory-index.ts';
import { StreamBackground, type Background } from './background.ts';
import { absorb, emptyState, mergeInto } from './state.ts';
import { itemBag, lookupTokens, titleWorthy } from './features.ts';
import { bagInfos } from './token-info.ts';
import type { ClusterItem, ClusterParams, EventState } from './types.ts';

export interface Clusterer {
  /** Assign the item to an event and return the event id. */
  add(item: ClusterItem): number;
  /** The event an item is in now (merges followed). */
  eventOf(itemId: number): number | undefined;
  /** Live (not merged) events. */
  events(): EventState[];
}

/** Create an in-memory clusterer; ids of new events count up from 1. */
export function createClusterer(opts: Partial<ClusterParams> = {}): Clusterer {
  const p = clusterParams(opts);
  const states = new Map<number, EventState>();
  const mergedInto = new Map<number, number>();
  const itemEvent = new Map<number, number>();
  const byExternal = new Map<string, number>();
  const waitingFor = new Map<string, number>();
  const byGroup = new Map<number, number>();
  const terms = new TermIndex();
  const board = new HotBoard(4 * p.maxHotCandidates);
  const births = new Map<number, number>();
  let nextId = 1;
  const stream = new StreamBackground();
  const bg: Background = stream;

  const find = (id: number): number => {
    let e = id;
    for (let n = mergedInto.get(e); n !== undefined; n = mergedInto.get(e)) e = n;
    return e;
  };
  const inWindow = (ev: EventState, t: number) => t <= ev.lastAt + p.windowMs && t >= ev.firstAt - p.windowMs;

  function candidates(tokens: string[], t: number): EventState[] {
    const out = new Map<number, EventState>();
    for (const w of tokens) {
      let taken = 0;
      for (const raw of terms.recent(w)) {
        if (taken >= 8 || out.size >= p.maxTermCandidates) break;
        const ev = states.get(find(raw));
        if (ev && inWindow(ev, t) && !out.has(ev.id)) {
          out.set(ev.id, ev);
          taken++;
        }
      }
    }
    for (const ev of board.near(t, (id) => states.get(id), p)) out.set(ev.id, ev);
    return [...out.values()];
  }

  /** A similar-group's event, if still open at t (a reprint days later is a new event). */
  function openGroup(id: number | null, t: number): number | null {
    const ev = id === null ? undefined : states.get(id);
    return ev && inWindow(ev, t) ? ev.id : null;
  }

  function merge(fromId: number, intoId: number): void {
    const from = states.get(fromId);
    const into = states.get(intoId);
    if (!from || !into || fromId === intoId) return;
    mergeInto(into, from, p);
    states.delete(fromId);
    mergedInto.set(fromId, intoId);
  }

  function add(item: ClusterItem): number {
    const bag = itemBag(item);
    const infos = bagInfos(bag);
    const t = item.publishedAt;
    const live = (e: number | undefined) => (e === undefined ? null : find(e));
    const parentItem = item.parentExternalId !== null ? byExternal.get(item.parentExternalId) : undefined;
    const parent = live(parentItem !== undefined ? itemEvent.get(parentItem) : undefined);
    const children = live(item.externalId !== null ? waitingFor.get(item.externalId) : undefined);
    const links: ItemLinks = {
      parent,
      sibling: parent === null && item.parentExternalId !== null ? live(waitingFor.get(item.parentExternalId)) : null,
      group: openGroup(live(item.similarGroupId != null ? byGroup.get(item.similarGroupId) : undefined), t),
      children: children === null ? [] : [children],
    };
    const tokens = lookupTokens(bag, undefined, infos);
    let targetId = linkedTarget(links);
    if (targetId === null) {
      const dp = decisionParams(p, isOrphan(item.parentExternalId, links), isStoryStart(item.isReport ?? false, item.reposts, item.comments));
      const ctx = { bg, births: birthsBefore(t), infos };
      targetId = decide(candidates(tokens, t), bag, item.regions, t, ctx, dp)?.event.id ?? fallbackTarget(links);
    }
    let target = targetId === null ? undefined : states.get(targetId);
    if (!target) {
      target = emptyState(nextId++, t, item.id);
      states.set(target.id, target);
      const h = Math.floor(t / HOUR_MS);
      births.set(h, (births.get(h) ?? 0) + 1);
    }
    for (const e of eventsToPull(links, target.id)) merge(e, target.id);
    absorb(target, { itemId: item.id, t, bag, regions: item.regions, reposts: item.reposts, comments: item.comments, weight: item.weight, titleWorthy: titleWorthy(item.text, bag), isReply: item.parentExternalId !== null, infos }, p);
    board.offer(target, t, p);
    stream.add(bag);
    itemEvent.set(item.id, target.id);
    if (item.externalId !== null) {
      byExternal.set(item.externalId, item.id);
      waitingFor.delete(item.externalId);
    }
    if (item.parentExternalId !== null && parent === null) waitingFor.set(item.parentExternalId, target.id);
    if (item.similarGroupId != null) byGroup.set(item.similarGroupId, target.id);
    for (const w of tokens) terms.add(w, target.id, (id) => (states.get(find(id))?.lastAt ?? -Infinity) >= t - p.windowMs);
    return target.id;
  }

  /** Events born in the hours before t (the estimate of the current rate of new stories). */
  function birthsBefore(t: number): number {
    const h0 = Math.floor(t / HOUR_MS);
    let n = 0;
    for (let h = h0 - p.birthWindowHours + 1; h <= h0; h++) n += births.get(h) ?? 0;
    return n;
  }

  return {
    add,
    eventOf: (itemId) => {
      const e = itemEvent.get(itemId);
      return e === undefined ? undefined : find(e);
    },
    events: () => [...states.values()],
  };
}
