// A batch session of the stored clusterer: lives inside one ingest transaction, assigns the batch's items
// one after another (store/assign.ts) and writes what they changed once at flush. Between flushes the
// database holds the state before the session plus the rows written as they happen (new events' rows,
// event_items); every read combines those with what the session holds — the events it changed (state,
// summaries, heat, first and last time), the term index postings, term counts and births it added — so
// each item is decided exactly as if every earlier item had been written on its own.
import type { StoredItem } from '../../ingest/prepared.ts';
import type { StageBatch } from '../../ingest/stage.ts';
import { emptyState } from '../cluster/state.ts';
import type { ClusterParams } from '../cluster/types.ts';
import { TermStats } from './background.ts';
import { cacheState, stateCache, type StateCache } from './state-cache.ts';
import { recordItem, touchedFromRow, touchedNew, type TouchedEvent } from './touched.ts';
import { PER_TERM_SCAN, StoredView } from './view.ts';
import { BirthCounts } from './births.ts';
import { HeatOrder } from './heat-order.ts';
import { addHeatRows, createEventRow, insertTermRows, writeEventRow } from './write.ts';
import type { EventItemData } from './item-data.ts';
import { childEvents, liveEvents, storedChildren, type LinkRow } from './links.ts';
import type { EventDb } from './tables.ts';

/** The batch's items as prepare() saw them: their terms and time span (see stage.ts). */
export interface BatchOutline {
  terms: Set<string>;
  /** The items' telling terms (lookup tokens). */
  lookups: Set<string>;
  /** The items' external ids (their children may be stored already). */
  externalIds: Set<string>;
  minT: number;
  maxT: number;
}

export class EventSession {
  /** Events changed in this session, by id. */
  readonly touched = new Map<number, TouchedEvent>();
  /** Term → the newest PER_TERM_SCAN events this session indexed under it (descending; rows not written yet). */
  readonly indexedNow = new Map<string, number[]>();
  /** The changed events, hottest first. */
  byHeat = new HeatOrder();
  readonly stats: TermStats;
  view: StoredView;
  private births: BirthCounts;
  /** The batch read ahead (from its second item on; see beginItem). */
  private outline: BatchOutline | null = null;
  private itemsSeen = 0;
  /** Id of the session's first item: items before it are the stored ones. */
  private firstItemId: number | null = null;
  /** Stored children of the batch's items, by parent external id (read ahead; null: ask per item). */
  private storedChildren: Map<string, LinkRow[]> | null = null;
  /** False once the session wrote mid-batch (a merge): children are then asked per item. */
  private readAhead = true;
  /** Events of this session's items that name a parent, by parent external id. */
  private readonly myChildren = new Map<string, LinkRow[]>();

  readonly cache: StateCache;

  /** `owner` keys what is kept across batches (parsed states, term counts): the store object. */
  constructor(readonly db: EventDb, owner: object, readonly p: ClusterParams, readonly now: number) {
    this.cache = stateCache(owner);
    this.stats = new TermStats(db, owner);
    this.view = new StoredView(db, this.cache);
    this.births = new BirthCounts(db, p.birthWindowHours);
  }

  /**
   * Start an item. From the second item on, what the whole batch will ask is read at once: the term
   * counts of its vocabulary, the term index postings of its telling terms (and those events' spans),
   * the stored children of its items. A writer opened for a single item (after a failure) reads only
   * what that item needs.
   */
  async beginItem(item: EventItemData): Promise<void> {
    await this.stats.begin();
    this.firstItemId ??= item.id;
    this.itemsSeen++;
    const batch = item.batch;
    if (!batch || this.outline === batch || this.itemsSeen < 2 || !this.readAhead) return;
    this.outline = batch;
    await this.stats.load(batch.terms);
    const lists = await this.view.postingsOf([...batch.lookups]);
    await this.view.spansOf(lists.flat());
    this.storedChildren = await storedChildren(this.db, [...batch.externalIds], this.firstItemId);
  }

  /** Read the term counts an item's decision needs (already read for a batch read ahead). */
  async loadTerms(item: EventItemData): Promise<void> {
    if (this.outline && item.batch === this.outline) return;
    if (!this.stats.holds(item.bag)) await this.stats.load(item.bag.keys());
  }

  /** Events of children that arrived before this item (see links.ts childEvents). */
  async childEventsOf(item: EventItemData): Promise<number[]> {
    if (item.externalId === null) return [];
    if (!this.storedChildren || this.outline !== item.batch) return childEvents(this.db, item.externalId, item.id);
    const rows = [...(this.storedChildren.get(item.externalId) ?? []), ...(this.myChildren.get(item.externalId) ?? [])];
    return liveEvents(this.db, rows);
  }

  /** Note an item stored in this session (a later item of the batch may be its parent). */
  noteStored(item: EventItemData, eventId: number): void {
    if (item.parentExternalId === null) return;
    const row: LinkRow = { event_id: eventId, status: 'open', merged_into: null };
    const list = this.myChildren.get(item.parentExternalId);
    if (list) list.push(row);
    else this.myChildren.set(item.parentExternalId, [row]);
  }

  /** Events born in the birth window up to t's hour (those of this session included). */
  birthsAt(t: number): Promise<number> {
    return this.births.at(t, this.touched.values());
  }

  /** Start a new event for the item (its row is inserted now: the id is needed at once). */
  async createEvent(item: EventItemData): Promise<TouchedEvent> {
    const id = await createEventRow(this.db, item, this.now);
    const e = touchedNew(emptyState(id, item.publishedAt, item.id));
    this.touched.set(id, e);
    this.byHeat.add(e);
    this.births.moved(null, e.state.firstAt);
    return e;
  }

  /** Take a stored open event into the session (it is about to change). */
  async touch(id: number): Promise<TouchedEvent> {
    const held = this.touched.get(id);
    if (held) return held;
    const loaded = (await this.view.load([id])).get(id);
    if (!loaded || loaded.head.status !== 'open') throw new Error(`event ${id} vanished during assignment`);
    // The cached object is about to change: drop it until the new version is written.
    this.cache.delete(id);
    this.view.forget(id);
    const e = touchedFromRow(loaded.head, loaded.state.state, loaded.state.indexed);
    this.touched.set(id, e);
    this.byHeat.add(e);
    return e;
  }

  /**
   * Record an item the event's state has just absorbed (`firstBefore`: the state's first time before):
   * the event's summaries and heat, its newly indexed terms, the birth counts.
   */
  recordAbsorbed(e: TouchedEvent, item: EventItemData, becameTitle: boolean, firstBefore: number): void {
    this.byHeat.remove(e);
    const terms = recordItem(e, item, becameTitle);
    this.byHeat.add(e);
    if (e.state.firstAt !== firstBefore) this.births.moved(firstBefore, e.state.firstAt);
    for (const t of terms) {
      const list = this.indexedNow.get(t);
      if (!list) this.indexedNow.set(t, [e.state.id]);
      else addNewest(list, e.state.id);
    }
  }

  /** First and last time of an event as the session knows them (its own changes included). */
  spanOf(id: number, rowFirst: number, rowLast: number): { first: number; last: number } {
    const e = this.touched.get(id);
    return e ? { first: e.state.firstAt, last: e.state.lastAt } : { first: rowFirst, last: rowLast };
  }

  /** Write everything the session changed; it then reads afresh (the rows now hold its changes). */
  async flush(): Promise<void> {
    const terms: { term: string; eventId: number }[] = [];
    const heat: { eventId: number; hourAt: number; volume: number; heat: number }[] = [];
    for (const e of this.touched.values()) {
      const version = await writeEventRow(this.db, e, this.now);
      cacheState(this.cache, e.state, version, e.indexed);
      for (const term of e.newTerms) terms.push({ term, eventId: e.state.id });
      for (const [hourAt, c] of e.heatAdd) heat.push({ eventId: e.state.id, hourAt, volume: c.volume, heat: c.heat });
    }
    await insertTermRows(this.db, terms);
    await addHeatRows(this.db, heat);
    await this.stats.flush();
    this.touched.clear();
    this.byHeat = new HeatOrder();
    this.indexedNow.clear();
    this.births = new BirthCounts(this.db, this.p.birthWindowHours);
    this.view = new StoredView(this.db, this.cache);
    // What was read ahead is stale now (a merge follows): later items read per item.
    this.outline = null;
    this.storedChildren = null;
    this.readAhead = false;
  }
}

/** Add an id to a descending list of at most PER_TERM_SCAN distinct ids. */
function addNewest(list: number[], id: number): void {
  if (list.includes(id)) return;
  if (list.length >= PER_TERM_SCAN && id < list[list.length - 1]!) return;
  let j = list.length;
  list.push(id);
  while (j > 0 && list[j - 1]! < id) {
    list[j] = list[j - 1]!;
    j--;
  }
  list[j] = id;
  if (list.length > PER_TERM_SCAN) list.pop();
}

/** The session as the ingest pipeline drives it (one per batch, or per item after a failure). */
export function sessionWriter(session: EventSession, assign: (s: EventSession, item: StoredItem) => Promise<number>): StageBatch {
  return {
    async store(item) {
      item.enrich.eventId = await assign(session, item);
    },
    flush: () => session.flush(),
  };
}
