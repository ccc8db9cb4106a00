// The events a batch session changed, hottest first (heat, then id, descending) — the order the heat index
// gives their rows once written — kept sorted as their heat changes, so finding the hottest near a time
// reads a few entries instead of every changed event.
import type { TouchedEvent } from './touched.ts';

export class HeatOrder {
  readonly list: TouchedEvent[] = [];

  /** Position of (heat, id) in the list. */
  private slot(heat: number, id: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.list[mid]!;
      if (m.heat > heat || (m.heat === heat && m.state.id > id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Add an event at its current heat. */
  add(e: TouchedEvent): void {
    this.list.splice(this.slot(e.heat, e.state.id), 0, e);
  }

  /** Remove an event (at the heat it was added with). */
  remove(e: TouchedEvent): void {
    const i = this.slot(e.heat, e.state.id);
    this.list.splice(this.list[i] === e ? i : this.list.indexOf(e), 1);
  }
}
