// The in-memory clusterer's candidate indexes, the counterparts of the stored clusterer's SQL: a term
// index (term → events, newest last) and a board of the hottest recent events for time-only joins.
import { HOUR_MS } from './params.ts';
import type { ClusterParams, EventState } from './types.ts';

/** Entries read per term from the newest; older ones are rarely the right event (ids grow with time). */
const SCAN = 16;
/** A term's list is compacted past this length, and cut to the newest KEEP entries if still long. */
const COMPACT_AT = 256;
const KEEP = 128;

/** Term → ids of events that used the term as a telling token, newest last. */
export class TermIndex {
  private postings = new Map<string, number[]>();

  /** Record that event `id` has the term. `live` says whether an old entry still deserves a place. */
  add(term: string, id: number, live: (id: number) => boolean): void {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = []));
    if (list[list.length - 1] === id) return;
    list.push(id);
    if (list.length > COMPACT_AT) {
      const kept = list.filter(live);
      this.postings.set(term, kept.length > KEEP * 1.5 ? kept.slice(-KEEP) : kept);
    }
  }

  /** The newest (highest) event ids recorded for the term, as the stored index reads them. */
  recent(term: string): number[] {
    const list = this.postings.get(term);
    return list ? [...new Set(list)].sort((a, b) => b - a).slice(0, SCAN) : [];
  }
}

/** Heat of an event in the 24 hours up to its last item (the stored events.heat column). */
export function heatNearLast(state: EventState): number {
  const last = Math.floor(state.lastAt / HOUR_MS);
  let sum = 0;
  for (const [h, c] of state.hours) if (h > last - 24 && h <= last) sum += c.heat;
  return sum;
}

/** The hottest events seen lately (a bounded board), for candidates that only time can suggest. */
export class HotBoard {
  private entries = new Map<number, { heat: number; lastAt: number }>();
  constructor(private readonly size: number) {}

  /** Offer an event after it changed at time `now`; it replaces the coldest entry if hotter. */
  offer(ev: EventState, now: number, p: ClusterParams): void {
    const entry = { heat: heatNearLast(ev), lastAt: ev.lastAt };
    if (this.entries.has(ev.id) || this.entries.size < this.size) {
      this.entries.set(ev.id, entry);
      return;
    }
    // Entries whose activity no longer reaches the present go first, then the coldest.
    const reach = 3 * p.tauHours * HOUR_MS;
    let coldest: number | null = null;
    let min = Infinity;
    for (const [id, e] of this.entries) {
      const v = e.lastAt < now - reach ? -1 : e.heat;
      if (v < min) [coldest, min] = [id, v];
    }
    if (coldest !== null && entry.heat > min) {
      this.entries.delete(coldest);
      this.entries.set(ev.id, entry);
    }
  }

  /** The hottest events whose activity reaches t, ordered as the stored query orders them (heat, id). */
  near(t: number, get: (id: number) => EventState | undefined, p: ClusterParams): EventState[] {
    const reach = 3 * p.tauHours * HOUR_MS;
    const out: [EventState, number][] = [];
    for (const [id, e] of this.entries) {
      const ev = get(id);
      if (!ev) this.entries.delete(id);
      else if (ev.lastAt >= t - reach && ev.firstAt <= t + reach) out.push([ev, e.heat]);
    }
    return out.sort((a, b) => b[1] - a[1] || b[0].id - a[0].id).slice(0, p.maxHotCandidates).map(([ev]) => ev);
  }
}
