// Reading evidence back: captures of a source or an item, with the items each one produced.
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { collectDb, type CapturesTable } from '../register/tables.ts';

export type CaptureRow = Selectable<CapturesTable>;

export interface CaptureJson {
  id: number;
  source_id: number | null;
  url: string;
  fetched_at: string;
  status: number;
  headers: Record<string, string>;
  sha256: string;
  size: number;
  item_ids: number[];
}

export interface CaptureFilter {
  sourceId?: number;
  itemId?: number;
  /** Only captures with id below this (paging newest first). */
  beforeId?: number;
  limit?: number;
}

/** Captures matching the filter, newest first, with the ids of the items they produced. */
export async function listCaptures(ctx: AppContext, f: CaptureFilter): Promise<CaptureJson[]> {
  const db = collectDb(ctx.store.db);
  let q = db.selectFrom('captures').selectAll('captures').orderBy('captures.id', 'desc').limit(f.limit ?? 100);
  if (f.sourceId !== undefined) q = q.where('captures.source_id', '=', f.sourceId);
  if (f.beforeId !== undefined) q = q.where('captures.id', '<', f.beforeId);
  if (f.itemId !== undefined) {
    q = q.where('captures.id', 'in', db.selectFrom('item_captures').select('capture_id').where('item_id', '=', f.itemId));
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const links = await db.selectFrom('item_captures').select(['capture_id', 'item_id']).where('capture_id', 'in', rows.map((r) => r.id)).orderBy('item_id').execute();
  const items = new Map<number, number[]>();
  for (const l of links) items.set(l.capture_id, [...(items.get(l.capture_id) ?? []), l.item_id]);
  return rows.map((r) => ({
    id: r.id,
    source_id: r.source_id,
    url: r.url,
    fetched_at: new Date(Number(r.fetched_at)).toISOString(),
    status: Number(r.status),
    headers: JSON.parse(r.headers_json) as Record<string, string>,
    sha256: r.sha256,
    size: Number(r.size),
    item_ids: items.get(r.id) ?? [],
  }));
}

/** One capture row, or null. */
export async function getCapture(ctx: AppContext, id: number): Promise<CaptureRow | null> {
  return (await collectDb(ctx.store.db).selectFrom('captures').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Every capture of a source in capture order (for WARC export), streamed in pages. */
export async function* sourceCaptures(ctx: AppContext, sourceId: number, pageSize = 200): AsyncGenerator<CaptureRow> {
  let after = 0;
  for (;;) {
    const rows = await collectDb(ctx.store.db).selectFrom('captures').selectAll()
      .where('source_id', '=', sourceId).where('id', '>', after).orderBy('id').limit(pageSize).execute();
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The events module's tables, as far as evidence export reads them. */
type EventTables = {
  events: { id: number; title: string; merged_into: number | null };
  event_items: { item_id: number; event_id: number };
};

/** An event's title, or null when there is no such event. */
export async function eventTitle(ctx: AppContext, eventId: number): Promise<string | null> {
  const r = await ctx.store.db.withTables<EventTables>().selectFrom('events').select('title').where('id', '=', eventId).executeTakeFirst();
  return r ? r.title : null;
}

/** Every capture behind the items of an event (and of events merged into it), in capture order. */
export async function* eventCaptures(ctx: AppContext, eventId: number, pageSize = 200): AsyncGenerator<CaptureRow> {
  const db = ctx.store.db.withTables<EventTables & { captures: CapturesTable; item_captures: { item_id: number; capture_id: number } }>();
  const eventIds = db.selectFrom('events').select('id').where((eb) => eb.or([eb('id', '=', eventId), eb('merged_into', '=', eventId)]));
  const itemIds = db.selectFrom('event_items').select('item_id').where('event_id', 'in', eventIds);
  const captureIds = db.selectFrom('item_captures').select('capture_id').where('item_id', 'in', itemIds);
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('captures').selectAll().where('id', 'in', captureIds).where('id', '>', after).orderBy('id').limit(pageSize).execute();
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
