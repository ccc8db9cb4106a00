// Building and updating an event's clustering state: absorbing an item into the bounded centroid, the
// recent hourly series and the region counts; merging two states; choosing the representative (title) item.
import { tokenInfo, type TokenInfo } from './token-info.ts';
import { noteAppended, notePruned, termIdfs } from './vocabulary.ts';
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
  return tokenInfo(w).idf;
}

/** Squared idf-weighted norm of the centroid (the same for every bag compared with it). */
function centroidNorm2(state: EventState): number {
  const weights = termIdfs(state);
  let nc = 0;
  let i = 0;
  for (const k of state.terms.values()) nc += (k * weights[i++]!) ** 2;
  return nc;
}

/** Cosine of a bag against a centroid whose squared norm is `nc` (`infos`: the bag's tokens, in order, when known). */
function cosineWithNorm(state: EventState, bag: Map<string, number>, nc: number, infos?: readonly TokenInfo[]): number {
  if (bag.size === 0 || state.terms.size === 0) return 0;
  let dot = 0;
  let nb = 0;
  let j = 0;
  for (const [w, c] of bag) {
    const i = (infos?.[j++] ?? tokenInfo(w)).idf;
    const x = c * i;
    nb += x * x;
    const k = state.terms.get(w);
    if (k) dot += x * k * i;
  }
  return nb > 0 && nc > 0 ? dot / Math.sqrt(nb * nc) : 0;
}

/** Token information of title bags chosen in this process (a parsed state's is looked up as needed). */
const titleInfos = new WeakMap<Map<string, number>, TokenInfo[]>();

/** Representativeness of an item: similarity to the centroid, a little more for widely reposted items. */
function representativeness(state: EventState, bag: Map<string, number>, boost: number, nc = centroidNorm2(state), infos?: readonly TokenInfo[]): number {
  return cosineWithNorm(state, bag, nc, infos) + boost;
}

function pruneTerms(state: EventState, max: number): void {
  if (state.terms.size <= max * 1.5) return;
  const entries = [...state.terms];
  const kept = entries.map((_, i) => i)
    .sort((x, y) => entries[y]![1] - entries[x]![1] || (entries[x]![0] < entries[y]![0] ? -1 : 1))
    .slice(0, max);
  const old = state.terms;
  state.terms = new Map(kept.map((i) => entries[i]!));
  notePruned(state, old, kept);
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
  /** The bag's token information in the bag's order, when the caller has it (saves lookups). */
  infos?: readonly TokenInfo[] | undefined;
}

/** Add one item to the state; returns true when the item became the title item. */
export function absorb(state: EventState, a: Absorbed, p: ClusterParams): boolean {
  // New terms' information, to keep the vocabulary's signature and idf in step (all or nothing).
  const added: TokenInfo[] | null = a.infos ? [] : null;
  let j = 0;
  for (const [w, c] of a.bag) {
    const k = state.terms.get(w);
    state.terms.set(w, (k ?? 0) + c);
    if (k === undefined) added?.push(a.infos![j]!);
    j++;
  }
  if (added && added.length > 0) noteAppended(state, added);
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
    const nc = centroidNorm2(state);
    const mine = representativeness(state, a.bag, boost, nc, a.infos);
    if (mine <= representativeness(state, state.titleBag, state.titleBoost, nc, titleInfos.get(state.titleBag))) return false;
  }
  state.titleItemId = a.itemId;
  // The TITLE_BAG_SIZE most informative tokens, ties in bag order (as a stable sort by idf would give).
  const top: { w: string; c: number; info: TokenInfo }[] = [];
  let i = 0;
  for (const [w, c] of a.bag) {
    const info = a.infos?.[i++] ?? tokenInfo(w);
    if (top.length === TITLE_BAG_SIZE && !(info.idf > top[TITLE_BAG_SIZE - 1]!.info.idf)) continue;
    let j = top.length < TITLE_BAG_SIZE ? top.length : TITLE_BAG_SIZE - 1;
    while (j > 0 && info.idf > top[j - 1]!.info.idf) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = { w, c, info };
  }
  state.titleBag = new Map(top.map((r) => [r.w, r.c]));
  titleInfos.set(state.titleBag, top.map((r) => r.info));
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
  if (k <= 0) return [];
  const weights = termIdfs(state);
  // The k best kept in order while scanning (the same ranking as sorting every term, without the sort).
  const best: { w: string; s: number }[] = [];
  const before = (a: { w: string; s: number }, b: { w: string; s: number }) => a.s > b.s || (a.s === b.s && a.w < b.w);
  let i = 0;
  for (const [w, c] of state.terms) {
    const weight = weights[i++]!;
    if (w.charCodeAt(0) === 64 /* @ */) continue;
    const e = { w, s: c * weight };
    if (best.length === k && !before(e, best[k - 1]!)) continue;
    let j = best.length < k ? best.length : k - 1;
    while (j > 0 && before(e, best[j - 1]!)) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = e;
  }
  return best.map((e) => e.w);
}

/** Terms worth indexing for candidate lookup: the most telling ones of the centroid. */
export function indexTerms(state: EventState, k = 24): string[] {
  return [...state.terms]
    .map(([w, c]) => [w, c * idf(w)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([w]) => w);
}
