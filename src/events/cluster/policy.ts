// The link rules both clusterers follow, in one place so the in-memory and the stored one cannot drift:
//   1. a reply whose parent is known joins the parent's event;
//   2. a reply whose parent is unknown joins the event of a sibling answering the same parent;
//   3. an item of a similar-group joins that group's event while the event is open (inside its window);
//   4. otherwise the scored decision (score.ts); a reply of an unknown parent gets no help from time
//      there, since its place is really its parent's, which we do not know yet; a story start (a report
//      with a title, or a post that others already reposted or answered) gets little, since it tells a
//      story in its own words, while a comment reacting to one need not;
//   5. with no event chosen, a parent whose children came first takes their event, else a new one;
// and finally the events of children that came before their parent are merged into the chosen event.
import type { ClusterParams } from './types.ts';

export interface ItemLinks {
  parent: number | null;
  sibling: number | null;
  group: number | null;
  /** Events of children that arrived before this item. */
  children: number[];
}

/** The event a link decides (rules 1–3), or null when the scored decision must choose. */
export function linkedTarget(l: ItemLinks): number | null {
  return l.parent ?? l.sibling ?? l.group;
}

/** True for a reply whose parent is not known yet (rule 4). */
export function isOrphan(parentExternalId: string | null, l: ItemLinks): boolean {
  return parentExternalId !== null && l.parent === null;
}

/** Parameters of the scored decision for this item (rule 4). */
export function decisionParams(p: ClusterParams, orphan: boolean, report: boolean): ClusterParams {
  if (orphan) return { ...p, maxTimeLogOdds: Math.min(0, p.maxTimeLogOdds) };
  if (report) return { ...p, maxTimeLogOdds: Math.min(p.reportMaxTimeLogOdds, p.maxTimeLogOdds) };
  return p;
}

/** Reposts plus comments from which a post counts as the start of a cascade of its own. */
export const STORY_START_ENGAGEMENT = 10;

/** True for an item that tells a story rather than reacting to one (rule 4). */
export function isStoryStart(hasTitle: boolean, reposts: number | undefined, comments: number | undefined): boolean {
  return hasTitle || (reposts ?? 0) + (comments ?? 0) >= STORY_START_ENGAGEMENT;
}

/** The event to use when the decision chose none (rule 5). */
export function fallbackTarget(l: ItemLinks): number | null {
  return l.children[0] ?? null;
}

/** Events to merge into the chosen one (children that came first). */
export function eventsToPull(l: ItemLinks, target: number): number[] {
  return l.children.filter((e) => e !== target);
}
