// Candidate events of an item: open events in the time window that share one of the item's telling terms
// (newest first per term, as the in-memory TermIndex reads), plus the hottest events active near its time.
// Stored rows come through the session's view (read once per batch); events the session changed count
// with their state in memory, exactly as the rows would hold them had each item been written on its own.
import { HOUR_MS } from '../cluster/params.ts';
import type { EventState } from '../cluster/types.ts';
import type { EventSession } from './session.ts';
import { PER_TERM_SCAN, type EventSpan } from './view.ts';

/** Events taken per term, so one common term cannot fill the candidate list. */
const PER_TERM_TAKE = 8;

/** The newest PER_TERM_SCAN ids of stored postings and the session's own, merged (both descending, distinct). */
function newest(stored: readonly number[], mine: readonly number[] | undefined): readonly number[] {
  if (!mine) return stored;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (out.length < PER_TERM_SCAN && (i < stored.length || j < mine.length)) {
    const a = i < stored.length ? stored[i]! : -Infinity;
    const b = j < mine.length ? mine[j]! : -Infinity;
    const next = a >= b ? a : b;
    if (a === next) i++;
    if (b === next) j++;
    out.push(next);
  }
  return out;
}

/** Ids of open events sharing telling terms with the item, at most PER_TERM_TAKE per term. */
async function termIds(s: EventSession, tokens: readonly string[], t: number): Promise<number[]> {
  if (tokens.length === 0) return [];
  const p = s.p;
  const lists = (await s.view.postingsOf(tokens)).map((stored, k) => newest(stored, s.indexedNow.get(tokens[k]!)));
  const stored: number[] = [];
  for (const list of lists) for (const id of list) if (!s.touched.has(id)) stored.push(id);
  const spans = await s.view.spansOf(stored);
  const spanOf = (id: number): EventSpan | null | undefined => {
    const e = s.touched.get(id);
    return e ? { open: true, first: e.state.firstAt, last: e.state.lastAt } : spans.get(id);
  };
  const rows: { k: number; id: number }[] = [];
  lists.forEach((list, k) => {
    for (const id of list) {
      const sp = spanOf(id);
      if (sp && sp.open && t <= sp.last + p.windowMs && t >= sp.first - p.windowMs) rows.push({ k, id });
    }
  });
  rows.sort((a, b) => a.k - b.k || b.id - a.id);
  const out = new Set<number>();
  const taken = new Map<number, number>();
  for (const h of rows) {
    if (out.size >= p.maxTermCandidates) break;
    if (out.has(h.id) || (taken.get(h.k) ?? 0) >= PER_TERM_TAKE) continue;
    taken.set(h.k, (taken.get(h.k) ?? 0) + 1);
    out.add(h.id);
  }
  return [...out];
}

/** Ids of the hottest open events whose activity reaches t (heat, then id, descending). */
async function hotIds(s: EventSession, t: number, batch: { minT: number; maxT: number } | undefined): Promise<number[]> {
  const p = s.p;
  const k = p.maxHotCandidates;
  const reach = 3 * p.tauHours * HOUR_MS;
  const lo = t - reach;
  const hi = t + reach;
  // The k hottest so far, hottest first.
  const top: { id: number; heat: number }[] = [];
  const offer = (id: number, heat: number) => {
    const last = top[top.length - 1];
    if (top.length === k && last && (heat < last.heat || (heat === last.heat && id < last.id))) return;
    let j = top.length < k ? top.length : k - 1;
    while (j > 0 && (heat > top[j - 1]!.heat || (heat === top[j - 1]!.heat && id > top[j - 1]!.id))) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = { id, heat };
  };
  if (k <= 0) return [];
  // Stored rows of events the session did not change, until k are found...
  let found = 0;
  await s.view.hottest(lo, hi, { lo: (batch?.minT ?? t) - reach, hi: (batch?.maxT ?? t) + reach }, (row) => {
    if (s.touched.has(row.id) || row.last < lo || row.first > hi) return true;
    offer(row.id, row.heat);
    return ++found < k;
  });
  // ...and the k hottest changed ones as they are now.
  let taken = 0;
  for (const e of s.byHeat.list) {
    if (taken >= k) break;
    if (e.state.lastAt >= lo && e.state.firstAt <= hi) {
      offer(e.state.id, e.heat);
      taken++;
    }
  }
  return top.map((r) => r.id);
}

/** States of all candidate events for an item at time t: the hottest first, then those found by terms. */
export async function candidateStates(s: EventSession, tokens: readonly string[], t: number, batch?: { minT: number; maxT: number }): Promise<EventState[]> {
  const hot = await hotIds(s, t, batch);
  const seen = new Set(hot);
  const more = (await termIds(s, tokens, t)).filter((id) => !seen.has(id)).sort((a, b) => a - b);
  const ids = [...hot, ...more];
  const loaded = await s.view.load(ids.filter((id) => !s.touched.has(id)));
  const out: EventState[] = [];
  for (const id of ids) {
    const e = s.touched.get(id);
    if (e) out.push(e.state);
    else {
      const l = loaded.get(id);
      if (l) out.push(l.state.state);
    }
  }
  return out;
}
