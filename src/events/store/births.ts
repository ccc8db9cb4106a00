// The count of events born in the birth window up to an item's hour (score.ts newStoryRate), for a batch
// session: read from the database once per window, then kept up to date as the session starts events and
// moves their first times (its rows are written only at flush).
import { HOUR_MS } from '../cluster/params.ts';
import { runSql } from './raw-sql.ts';
import type { EventDb } from './tables.ts';
import type { TouchedEvent } from './touched.ts';

interface Window {
  lo: number;
  hi: number;
  n: number;
}

/** 1 when `at` falls in the window, else 0. */
function inWindow(w: Window, at: number): number {
  return at >= w.lo && at < w.hi ? 1 : 0;
}

export class BirthCounts {
  /** Windows asked for, keyed by their last hour. */
  private readonly windows = new Map<number, Window>();

  constructor(private readonly db: EventDb, private readonly windowHours: number) {}

  /** Events born in the window up to t's hour; `changed`: the events the session holds. */
  async at(t: number, changed: Iterable<TouchedEvent>): Promise<number> {
    const h0 = Math.floor(t / HOUR_MS) * HOUR_MS;
    let w = this.windows.get(h0);
    if (!w) {
      const lo = h0 - (this.windowHours - 1) * HOUR_MS;
      const hi = h0 + HOUR_MS;
      const r = await runSql<{ n: number }>(this.db, 'SELECT count(*) AS n FROM events WHERE first_published_at >= ? AND first_published_at < ?', [lo, hi]);
      w = { lo, hi, n: Number(r.rows[0]?.n ?? 0) };
      // The rows hold each changed event at the first time it had when read or created: count its first time now.
      for (const e of changed) w.n += inWindow(w, e.state.firstAt) - inWindow(w, e.rowFirst);
      this.windows.set(h0, w);
    }
    return w.n;
  }

  /** An event started (from null) or its first time moved. */
  moved(from: number | null, to: number): void {
    for (const w of this.windows.values()) w.n += inWindow(w, to) - (from === null ? 0 : inWindow(w, from));
  }
}
