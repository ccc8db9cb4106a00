// The clustering decision, a Dirichlet–Hawkes style choice: an item joins the event k maximising
//   log λ_k(t) + Σ_w c_w · log( p_k(w) / p_bg(w) ) + region bonus
// or starts a new event when log λ_0 (the prior rate of new stories) is larger. λ_k(t) is the event's
// intensity near the item's time (a decaying kernel over its hourly activity: items, plus the reposts and
// comments a post had drawn, which announce the replies to come); p_k mixes the event's own
// vocabulary with everyday language (p_bg: the stream's own word counts smoothed towards jieba's
// dictionary, background.ts), so unseen words cost a little each
// and shared rare words earn a lot: a long unrelated text is refused even during a burst, while a short
// comment with no shared words joins the story that is active when it is written.
import type { Background } from './background.ts';
import { HOUR_MS } from './params.ts';
import { mayHave, termSignature } from './vocabulary.ts';
import { tokenInfo, type TokenInfo } from './token-info.ts';
import type { Bag } from './tokens.ts';
import type { ClusterParams, EventState } from './types.ts';

/** Items per hour the event produces around time t (symmetric exponential kernel over its hours). */
export function intensity(state: EventState, t: number, p: ClusterParams): number {
  const tauMs = p.tauHours * HOUR_MS;
  const reach = 6 * tauMs;
  let sum = 0;
  for (const [h, cell] of state.hours) {
    const d = Math.abs(t - (h + 0.5) * HOUR_MS);
    if (d <= reach) sum += cell.excite * Math.exp(-d / tauMs);
  }
  return sum / p.tauHours;
}

/**
 * An item's tokens ready to score against many events. The background probability of a token is looked
 * up once per item, and only for tokens some scored event has (the others score the same whatever it is).
 */
export interface ScoredText {
  words: string[];
  counts: number[];
  infos: TokenInfo[];
  /** Background probability of each word, NaN until first needed. */
  pBg: Float64Array;
  bg: Background;
  /** Hash of each word (token-info.ts), for the vocabulary signatures (vocabulary.ts). */
  hashes: Uint32Array;
  /** Sum of the counts. */
  size: number;
}

/** Prepare a bag for scoring under a background (`infos`: the bag's tokens, in order, when known). */
export function scoredText(bag: Bag, bg: Background, infos?: readonly TokenInfo[]): ScoredText {
  const words: string[] = [];
  const counts: number[] = [];
  const all: TokenInfo[] = [];
  const hashes = new Uint32Array(bag.size);
  let size = 0;
  for (const [w, c] of bag) {
    const info = infos?.[words.length] ?? tokenInfo(w);
    hashes[words.length] = info.hash;
    all.push(info);
    words.push(w);
    counts.push(c);
    size += c;
  }
  return { words, counts, infos: all, pBg: new Float64Array(bag.size).fill(NaN), bg, hashes, size };
}

/** Background probability of word i of the text. */
function pBgOf(text: ScoredText, i: number): number {
  let v = text.pBg[i]!;
  if (Number.isNaN(v)) text.pBg[i] = v = text.bg.pBg(text.words[i]!, text.infos[i]);
  return v;
}

/**
 * An upper bound of textEvidence from the event's vocabulary signature: every word the signature may hold
 * earns the cap, every other word costs what an unseen word costs.
 */
export function textEvidenceBound(state: EventState, text: ScoredText, p: ClusterParams): number {
  const n = text.words.length;
  if (n === 0) return 0;
  const a = (p.alpha * state.total) / (state.total + p.alphaRamp);
  if (a <= 0) return 0;
  const bits = termSignature(state);
  let maybe = 0;
  for (let i = 0; i < n; i++) if (mayHave(bits, text.hashes[i]!)) maybe += text.counts[i]!;
  return Math.log(1 - a) * (text.size - maybe) + Math.max(0, p.maxTokenLlr) * maybe;
}

/** Log-likelihood ratio of the item's tokens under the event's vocabulary against everyday language. */
export function textEvidence(state: EventState, text: ScoredText, p: ClusterParams): number {
  const n = text.words.length;
  if (n === 0) return 0;
  // A young event's vocabulary is an uncertain sample: trust it in proportion to what it has seen.
  const a = (p.alpha * state.total) / (state.total + p.alphaRamp);
  if (a <= 0) return 0;
  const rest = 1 - a;
  // A word the event never used scores log(1 − a) whatever its background (always below the cap); the
  // vocabulary's signature rules most of them out without a lookup.
  const unseen = Math.log(rest);
  const terms = state.terms;
  const bits = termSignature(state);
  let llr = 0;
  for (let i = 0; i < n; i++) {
    const c = text.counts[i]!;
    const k = mayHave(bits, text.hashes[i]!) ? terms.get(text.words[i]!) : undefined;
    if (k === undefined) llr += c * unseen;
    else llr += c * Math.min(p.maxTokenLlr, Math.log((a * (k / state.total)) / pBgOf(text, i) + rest));
  }
  return llr;
}

/** Log odds from shared region codes (at most two count). */
export function regionEvidence(state: EventState, regions: readonly string[] | undefined, p: ClusterParams): number {
  if (!regions || regions.length === 0 || state.regions.size === 0) return 0;
  let n = 0;
  for (const r of regions) if (state.regions.has(r)) n++;
  return Math.min(2, n) * p.regionBonus;
}

/** The item's score for one event (comparable with newEventScore). */
export function eventScore(
  state: EventState, text: ScoredText, regions: readonly string[] | undefined, t: number, ctx: DecisionContext, p: ClusterParams,
): number {
  return timeEvidence(state, t, ctx, p) + textEvidence(state, text, p) + regionEvidence(state, regions, p);
}

/** Log odds of the event's intensity near t against the rate of new stories, bounded. */
export function timeEvidence(state: EventState, t: number, ctx: DecisionContext, p: ClusterParams): number {
  const lam = intensity(state, t, p);
  return Math.max(p.minTimeLogOdds, Math.min(p.maxTimeLogOdds, Math.log(lam / newStoryRate(state, t, ctx.births, p) + 1e-12)));
}

/** Margin of the bound test in decide(): rounding can never make a skipped event the winner. */
const BOUND_SLACK = 1e-6;

/**
 * The rate of new stories competing with an event near t: births of other events in the last hours,
 * never below the configured floor. A busy stream of distinct reports makes new stories likely, so time
 * alone then pulls little; a quiet stream of comments on one story makes them rare, so time pulls
 * strongly (the λ_0 of a Dirichlet–Hawkes process, estimated from the stream instead of fixed). The
 * event's own birth is left out: otherwise a story's first hours would count against its own replies.
 */
export function newStoryRate(state: EventState, t: number, births: number, p: ClusterParams): number {
  const h0 = Math.floor(t / HOUR_MS);
  const born = Math.floor(state.firstAt / HOUR_MS);
  const own = born <= h0 && born > h0 - p.birthWindowHours ? 1 : 0;
  return Math.max(p.newEventRate, (births - own) / p.birthWindowHours);
}

/** What a decision needs besides the item and the candidates. */
export interface DecisionContext {
  bg: Background;
  /** The item's token information in the bag's order, when known. */
  infos?: readonly TokenInfo[] | undefined;
  /** Events born in the birthWindowHours up to the item's hour. */
  births: number;
}

/** The score of starting a new event: the prior odds of a new story (log λ_0 / λ_0 = 0). */
export function newEventScore(): number {
  return 0;
}

/** Best candidate for the item, or null when a new event is likelier. */
export function decide(
  candidates: Iterable<EventState>, bag: Bag, regions: readonly string[] | undefined, t: number, ctx: DecisionContext, p: ClusterParams,
): { event: EventState; score: number } | null {
  let best: { event: EventState; score: number } | null = null;
  let text: ScoredText | null = null;
  // The time evidence is clamped to [minTimeLogOdds, maxTimeLogOdds]: its largest value bounds it.
  const timeCap = Math.max(p.minTimeLogOdds, p.maxTimeLogOdds);
  for (const ev of candidates) {
    if (t > ev.lastAt + p.windowMs || t < ev.firstAt - p.windowMs) continue;
    text ??= scoredText(bag, ctx.bg, ctx.infos);
    // An event whose best possible score stays below both the best so far and a new event's cannot change
    // the outcome (the first event with the highest score, if above a new event's): skip the exact sums,
    // first on the text bound with the time cap, then with the event's time evidence.
    const bar = (best && best.score > newEventScore() ? best.score : newEventScore()) - BOUND_SLACK;
    const region = regionEvidence(ev, regions, p);
    const textBound = textEvidenceBound(ev, text, p);
    if (timeCap + textBound + region < bar) continue;
    const time = timeEvidence(ev, t, ctx, p);
    if (time + textBound + region < bar) continue;
    const s = time + textEvidence(ev, text, p) + region;
    if (!best || s > best.score) best = { event: ev, score: s };
  }
  return best && best.score > newEventScore() ? best : null;
}
