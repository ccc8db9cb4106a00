// What a batch session has read of events it has not changed: their heads and parsed states, the short
// spans (status, first and last time) the term lookup filters on, the term index's newest postings, and
// the hottest open events page by page. None of it changes under the session: the batch is one SQLite
// transaction (its reads see one snapshot, no other writer's commits), the rows the session writes as it
// goes are of events it holds itself (new events, event_items), and it drops the view whenever it writes
// the rest (flush). So each row is read at most once per batch instead of once per item.
import { inLists, runSql, valueGroups } from './raw-sql.ts';
import { stateFromRow, type StateRow } from './state-json.ts';
import type { Cached, StateCache } from './state-cache.ts';
import type { EventDb, EventRow } from './tables.ts';

/** Newest events per telling term read (the in-memory TermIndex reads as many). */
export const PER_TERM_SCAN = 16;

export const HEAD_COLUMNS = [
  'id', 'status', 'title', 'regions_json', 'sentiment_json', 'source_counts_json', 'platform_counts_json',
  'item_count', 'first_published_at', 'last_published_at', 'first_item_id', 'title_item_id', 'version', 'heat',
] as const;
export type EventHead = Pick<EventRow, (typeof HEAD_COLUMNS)[number]>;
const HEADS = HEAD_COLUMNS.map((c) => `e.${c}`).join(', ');

/** The columns candidate filters read. */
export interface EventSpan {
  open: boolean;
  first: number;
  last: number;
}

/** A stored event with its parsed clustering state. */
export interface LoadedEvent {
  head: EventHead;
  state: Cached;
}

/** One row of the heat-ordered list of open events. */
export interface HotRow {
  id: number;
  heat: number;
  first: number;
  last: number;
}

/** Rows of the heat-ordered list read per query. */
const HOT_PAGE = 64;

export class StoredView {
  private readonly spans = new Map<number, EventSpan | null>();
  private readonly loaded = new Map<number, LoadedEvent | null>();
  private readonly postings = new Map<string, number[]>();
  private hot: HotRow[] = [];
  private hotDone = false;
  private hotRange: { lo: number; hi: number } | null = null;

  constructor(private readonly db: EventDb, private readonly cache: StateCache) {}

  /** Forget an event (the session now holds it). */
  forget(id: number): void {
    this.spans.delete(id);
    this.loaded.delete(id);
  }

  /** The newest PER_TERM_SCAN event ids indexed under each term (descending), read for terms not read yet. */
  async postingsOf(terms: readonly string[]): Promise<number[][]> {
    const missing = [...new Set(terms.filter((t) => !this.postings.has(t)))];
    if (missing.length > 0) await this.readPostings(missing);
    return terms.map((t) => this.postings.get(t)!);
  }

  private async readPostings(terms: string[]): Promise<void> {
    for (const t of terms) this.postings.set(t, []);
    // One index probe per term that stops after PER_TERM_SCAN entries (a window over all of a term's
    // postings reads them all), and one statement text whatever the number of terms.
    const r = await runSql<{ term: string; ids: string | null }>(this.db, `SELECT j.value AS term, (SELECT group_concat(event_id) FROM (
        SELECT event_id FROM event_terms WHERE term = j.value ORDER BY event_id DESC LIMIT ${PER_TERM_SCAN})) AS ids
      FROM json_each(?) AS j`, [JSON.stringify(terms)]);
    for (const row of r.rows) {
      if (!row.ids) continue;
      const list = this.postings.get(row.term)!;
      for (const id of row.ids.split(',')) list.push(Number(id));
    }
    for (const t of terms) this.postings.get(t)!.sort((a, b) => b - a);
  }

  /** Spans of the given events (null for an id with no row), read for those not known yet. */
  async spansOf(ids: Iterable<number>): Promise<Map<number, EventSpan | null>> {
    const missing: number[] = [];
    for (const id of ids) if (!this.spans.has(id)) missing.push(id);
    const unique = [...new Set(missing)].sort((a, b) => a - b);
    for (const id of unique) this.spans.set(id, null);
    for (const list of inLists(unique)) {
      const r = await runSql<{ id: number; status: string; f: number; l: number }>(this.db, `SELECT id, status, first_published_at AS f, last_published_at AS l
        FROM events WHERE id IN ${valueGroups(1, list.length)}`, list);
      for (const row of r.rows) this.spans.set(row.id, { open: row.status === 'open', first: Number(row.f), last: Number(row.l) });
    }
    return this.spans;
  }

  /**
   * Heads and states of the given events (null for an id with no row). A state comes from the store-wide
   * cache when the row still carries the version it was cached under, else from centroid_json.
   */
  async load(ids: readonly number[]): Promise<Map<number, LoadedEvent | null>> {
    const missing = [...new Set(ids.filter((id) => !this.loaded.has(id)))];
    for (const id of missing) this.loaded.set(id, null);
    for (const list of inLists(missing)) {
      const heads = (await runSql<EventHead>(this.db, `SELECT ${HEADS} FROM events AS e WHERE e.id IN ${valueGroups(1, list.length)}`, list)).rows;
      const parse: EventHead[] = [];
      for (const h of heads) {
        this.spans.set(h.id, { open: h.status === 'open', first: Number(h.first_published_at), last: Number(h.last_published_at) });
        const c = this.cache.get(h.id);
        if (c && c.version === Number(h.version)) this.loaded.set(h.id, { head: h, state: c });
        else parse.push(h);
      }
      if (parse.length === 0) continue;
      const json = new Map<number, string>();
      for (const ids of inLists(parse.map((h) => h.id))) {
        const r = await runSql<{ id: number; centroid_json: string }>(this.db, `SELECT id, centroid_json FROM events WHERE id IN ${valueGroups(1, ids.length)}`, ids);
        for (const x of r.rows) json.set(x.id, x.centroid_json);
      }
      for (const h of parse) {
        const { state, indexed } = stateFromRow({ ...h, centroid_json: json.get(h.id) ?? '{}' } as StateRow);
        const c: Cached = { version: Number(h.version), state, indexed };
        this.cache.delete(h.id);
        this.cache.set(h.id, c);
        this.loaded.set(h.id, { head: h, state: c });
      }
    }
    return this.loaded;
  }

  /**
   * Visit open events hottest first (heat, then id, descending) among those whose activity reaches
   * [lo, hi]; `visit` returns false to stop. Rows are read a page at a time and kept for later items.
   */
  async hottest(lo: number, hi: number, span: { lo: number; hi: number }, visit: (row: HotRow) => boolean): Promise<void> {
    // The list is read for a range covering the whole batch; an item outside it starts a wider list.
    if (!this.hotRange || lo < this.hotRange.lo || hi > this.hotRange.hi) {
      this.hotRange = { lo: Math.min(lo, span.lo, this.hotRange?.lo ?? lo), hi: Math.max(hi, span.hi, this.hotRange?.hi ?? hi) };
      this.hot = [];
      this.hotDone = false;
    }
    for (let i = 0; ; i++) {
      if (i >= this.hot.length) {
        if (this.hotDone) return;
        await this.readHotPage();
        if (i >= this.hot.length) return;
      }
      if (!visit(this.hot[i]!)) return;
    }
  }

  private async readHotPage(): Promise<void> {
    const { lo, hi } = this.hotRange!;
    const last = this.hot[this.hot.length - 1];
    // Keyset paging (heat, id): rows this session inserts meanwhile cannot shift the pages.
    const after = last ? 'AND e.heat <= ? AND (e.heat < ? OR e.id < ?)' : '';
    // The unary plus keeps SQLite walking the heat index (hottest first, stopping at the limit)
    // instead of sorting every event of the period.
    const r = await runSql<{ id: number; heat: number; f: number; l: number }>(this.db, `SELECT e.id, e.heat, e.first_published_at AS f, e.last_published_at AS l
      FROM events AS e WHERE e.status = 'open' AND +e.last_published_at >= ? AND +e.first_published_at <= ? ${after}
      ORDER BY e.heat DESC, e.id DESC LIMIT ${HOT_PAGE}`, last ? [lo, hi, last.heat, last.heat, last.id] : [lo, hi]);
    for (const row of r.rows) this.hot.push({ id: row.id, heat: Number(row.heat), first: Number(row.f), last: Number(row.l) });
    if (r.rows.length < HOT_PAGE) this.hotDone = true;
  }
}
