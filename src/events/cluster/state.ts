// Building and updating an event's clustering state: absorbing an item into the bounded centroid, the
// recent hourly series and the region counts; merging two states; choosing the representative (title) item.
import { getLexicon } from './lexicon.ts';
import { HOUR_MS } from './params.ts';
import { bagSize, type Bag } from './tokens.ts';
import type { ClusterParams, EventState } from './types.ts';

/** Tokens of the title item kept to re-score it later. */
const TITLE_BAG_SIZE = 40;

/** An empty event state. */
export function emptyState(id: number, t: number, firstItemId: number): EventState {
  return {
    id, terms: new Map(), total: 0, count: 0, firstAt: t, lastAt: t, firstItemId,
    hours: new Map(), regions: new Map(), titleItemId: null, titleBag: new Map(), titleBoost: 0, titleIsReply: false,
  };
}

/** Information weight of a token: rarer words say more about what a text is about. */
export function idf(w: string): number {
  const c = w.charCodeAt(0);
  if (c === 64 || c === 35) return 6;
  return -Math.log10(getLexicon().pBg(w));
}

/** Cosine of a bag against the centroid, both weighted by idf. */
export function centroidCosine(state: EventState, bag: Map<string, number>): number {
  if (bag.size === 0 || state.terms.size === 0) return 0;
  let dot = 0;
  let nb = 0;
  for (const [w, c] of bag) {
    const x = c * idf(w);
    nb += x * x;
    const k = state.terms.get(w);
    if (k) dot += x * k * idf(w);
  }
  let nc = 0;
  for (const [w, k] of state.terms) nc += (k * idf(w)) ** 2;
  return nb > 0 && nc > 0 ? dot / Math.sqrt(nb * nc) : 0;
}

/** Representativeness of an item: similarity to the centroid, a little more for widely reposted items. */
function representativeness(state: EventState, bag: Map<string, number>, boost: number): number {
  return centroidCosine(state, bag) + boost;
}

function pruneTerms(state: EventState, max: number): void {
  if (state.terms.size <= max * 1.5) return;
  const kept = [...state.terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  state.terms = new Map(kept);
}

function pruneHours(state: EventState, keepHours: number): void {
  const oldest = Math.floor(state.lastAt / HOUR_MS) - keepHours;
  for (const h of state.hours.keys()) if (h < oldest) state.hours.delete(h);
}

export interface Absorbed {
  itemId: number;
  t: number;
  bag: Bag;
  regions?: readonly string[] | undefined;
  reposts?: number | undefined;
  comments?: number | undefined;
  weight?: number | undefined;
  /** True when the item has enough text to stand as the event's title. */
  titleWorthy: boolean;
  /** True for a reply (it names a parent): a story's title comes from an original post or report. */
  isReply?: boolean | undefined;
}

/** Add one item to the state; returns true when the item became the title item. */
export function absorb(state: EventState, a: Absorbed, p: ClusterParams): boolean {
  for (const [w, c] of a.bag) state.terms.set(w, (state.terms.get(w) ?? 0) + c);
  state.total += bagSize(a.bag);
  pruneTerms(state, p.maxTerms);
  const h = Math.floor(a.t / HOUR_MS);
  const cell = state.hours.get(h) ?? { volume: 0, heat: 0, excite: 0 };
  cell.volume += 1;
  cell.excite += 1 + (a.reposts ?? 0) + (a.comments ?? 0);
  cell.heat += a.weight ?? 1;
  state.hours.set(h, cell);
  state.count += 1;
  if (a.t < state.firstAt || state.count === 1) {
    state.firstAt = a.t;
    state.firstItemId = a.itemId;
  }
  state.lastAt = Math.max(state.lastAt, a.t);
  pruneHours(state, p.recentHours);
  for (const r of a.regions ?? []) state.regions.set(r, (state.regions.get(r) ?? 0) + 1);
  if (!a.titleWorthy) return false;
  const reply = a.isReply ?? false;
  const hasTitle = state.titleItemId !== null;
  // Originals beat replies whatever their words: a comment reacts to the story, the post tells it.
  if (hasTitle && reply && !state.titleIsReply) return false;
  const boost = 0.05 * Math.log10(1 + (a.reposts ?? 0));
  if (hasTitle && !(state.titleIsReply && !reply)) {
    const mine = representativeness(state, a.bag, boost);
    if (mine <= representativeness(state, state.titleBag, state.titleBoost)) return false;
  }
  state.titleItemId = a.itemId;
  state.titleBag = new Map([...a.bag].sort((x, y) => idf(y[0]) - idf(x[0])).slice(0, TITLE_BAG_SIZE));
  state.titleBoost = boost;
  state.titleIsReply = reply;
  return true;
}

/** Fold state `from` into `into` (an operator's merge, or a parent pulling its orphans together). */
export function mergeInto(into: EventState, from: EventState, p: ClusterParams): void {
  for (const [w, c] of from.terms) into.terms.set(w, (into.terms.get(w) ?? 0) + c);
  into.total += from.total;
  pruneTerms(into, p.maxTerms);
  for (const [h, c] of from.hours) {
    const cell = into.hours.get(h) ?? { volume: 0, heat: 0, excite: 0 };
    cell.volume += c.volume;
    cell.excite += c.excite;
    cell.heat += c.heat;
    into.hours.set(h, cell);
  }
  for (const [r, c] of from.regions) into.regions.set(r, (into.regions.get(r) ?? 0) + c);
  if (from.firstAt < into.firstAt) {
    into.firstAt = from.firstAt;
    into.firstItemId = from.firstItemId;
  }
  into.lastAt = Math.max(into.lastAt, from.lastAt);
  into.count += from.count;
  pruneHours(into, p.recentHours);
  if (from.titleItemId !== null && titleRank(into, from) > titleRank(into, into)) {
    into.titleItemId = from.titleItemId;
    into.titleBag = from.titleBag;
    into.titleBoost = from.titleBoost;
    into.titleIsReply = from.titleIsReply;
  }
}

/** How well `of`'s title item represents `state`: originals first, then similarity. */
function titleRank(state: EventState, of: EventState): number {
  if (of.titleItemId === null) return -1;
  return (of.titleIsReply ? 0 : 10) + representativeness(state, of.titleBag, of.titleBoost);
}

/** The event's keywords: centroid terms ranked by count × information. */
export function topKeywords(state: EventState, k = 10): string[] {
  return [...state.terms]
    .filter(([w]) => !w.startsWith('@'))
    .map(([w, c]) => [w, c * idf(w)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([w]) => w);
}

/** Terms worth indexing for candidate lookup: the most telling ones of the centroid. */
export function indexTerms(state: EventState, k = 24): string[] {
  return [...state.terms]
    .map(([w, c]) => [w, c * idf(w)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([w]) => w);
}
