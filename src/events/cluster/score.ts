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

/** Log-likelihood ratio of the item's tokens under the event's vocabulary against everyday language. */
export function textEvidence(state: EventState, bag: Bag, bg: Background, p: ClusterParams): number {
  if (bag.size === 0) return 0;
  // A young event's vocabulary is an uncertain sample: trust it in proportion to what it has seen.
  const a = (p.alpha * state.total) / (state.total + p.alphaRamp);
  if (a <= 0) return 0;
  let llr = 0;
  for (const [w, c] of bag) {
    const pk = (state.terms.get(w) ?? 0) / state.total;
    llr += c * Math.min(p.maxTokenLlr, Math.log((a * pk) / bg.pBg(w) + (1 - a)));
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
  state: EventState, bag: Bag, regions: readonly string[] | undefined, t: number, ctx: DecisionContext, p: ClusterParams,
): number {
  const lam = intensity(state, t, p);
  const time = Math.max(p.minTimeLogOdds, Math.min(p.maxTimeLogOdds, Math.log(lam / newStoryRate(state, t, ctx.births, p) + 1e-12)));
  return time + textEvidence(state, bag, ctx.bg, p) + regionEvidence(state, regions, p);
}

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
  for (const ev of candidates) {
    if (t > ev.lastAt + p.windowMs || t < ev.firstAt - p.windowMs) continue;
    const s = eventScore(ev, bag, regions, t, ctx, p);
    if (!best || s > best.score) best = { event: ev, score: s };
  }
  return best && best.score > newEventScore() ? best : null;
}
