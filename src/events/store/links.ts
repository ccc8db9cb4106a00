// The certain links of an item to stored events: its parent's event, the events of children that arrived
// before it (orphans waiting for this parent), of siblings answering the same unknown parent, and of its
// similar-group. Every answer follows merged_into to the live event.
import type { EventDb } from './tables.ts';

/** Follow merged_into to the live event (null when the event is gone). */
export async function resolveEvent(db: EventDb, id: number): Promise<number | null> {
  let cur = id;
  for (let hops = 0; hops < 50; hops++) {
    const r = await db.selectFrom('events').select(['status', 'merged_into']).where('id', '=', cur).executeTakeFirst();
    if (!r) return null;
    if (r.status !== 'merged' || r.merged_into === null) return cur;
    cur = r.merged_into;
  }
  return cur;
}

interface LinkRow {
  event_id: number;
  status: string;
  merged_into: number | null;
}

/** The live event of a link row: itself when open, else followed through merged_into. */
async function live(db: EventDb, r: LinkRow | undefined): Promise<number | null> {
  if (!r) return null;
  if (r.status !== 'merged' || r.merged_into === null) return r.event_id;
  return resolveEvent(db, r.merged_into);
}

async function liveAll(db: EventDb, rows: LinkRow[]): Promise<number[]> {
  const out: number[] = [];
  for (const row of rows) {
    const r = await live(db, row);
    if (r !== null && !out.includes(r)) out.push(r);
  }
  return out;
}

/** The event of the item's parent (same source preferred), or null when the parent is not stored yet. */
export async function parentEvent(db: EventDb, parentExternalId: string, sourceKey: string | null): Promise<number | null> {
  const rows = await db
    .selectFrom('items as i')
    .innerJoin('event_items as ei', 'ei.item_id', 'i.id')
    .innerJoin('events as e', 'e.id', 'ei.event_id')
    .select(['ei.event_id', 'i.source_key', 'e.status', 'e.merged_into'])
    .where('i.external_id', '=', parentExternalId)
    .limit(10)
    .execute();
  return live(db, rows.find((r) => r.source_key === sourceKey) ?? rows[0]);
}

/** Events of stored items that answer `externalId` (children that came before their parent). */
export async function childEvents(db: EventDb, externalId: string, selfId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('items as i')
    .innerJoin('event_items as ei', 'ei.item_id', 'i.id')
    .innerJoin('events as e', 'e.id', 'ei.event_id')
    .select(['ei.event_id', 'e.status', 'e.merged_into'])
    .distinct()
    .where('i.parent_external_id', '=', externalId)
    .where('i.id', '!=', selfId)
    .limit(20)
    .execute();
  return liveAll(db, rows);
}

/** The event of a sibling answering the same (not yet stored) parent. */
export async function siblingEvent(db: EventDb, parentExternalId: string, selfId: number): Promise<number | null> {
  const r = await db
    .selectFrom('items as i')
    .innerJoin('event_items as ei', 'ei.item_id', 'i.id')
    .innerJoin('events as e', 'e.id', 'ei.event_id')
    .select(['ei.event_id', 'e.status', 'e.merged_into'])
    .where('i.parent_external_id', '=', parentExternalId)
    .where('i.id', '!=', selfId)
    .orderBy('i.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return live(db, r);
}

/** The event of the latest other member of the item's similar-group, if that event is still open at t. */
export async function groupEvent(db: EventDb, groupId: number, selfId: number, t: number, windowMs: number): Promise<number | null> {
  const r = await db
    .selectFrom('items as i')
    .innerJoin('event_items as ei', 'ei.item_id', 'i.id')
    .innerJoin('events as e', 'e.id', 'ei.event_id')
    .select(['ei.event_id', 'e.status', 'e.merged_into'])
    .where('i.similar_group_id', '=', groupId)
    .where('i.id', '!=', selfId)
    .orderBy('i.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const id = await live(db, r);
  if (id === null) return null;
  const ev = await db.selectFrom('events').select(['first_published_at', 'last_published_at']).where('id', '=', id).executeTakeFirst();
  return ev && groupStillOpen(Number(ev.first_published_at), Number(ev.last_published_at), t, windowMs) ? id : null;
}

/** A similar-group joins its event only inside the event's window (a reprint days later is a new event). */
export function groupStillOpen(firstAt: number, lastAt: number, t: number, windowMs: number): boolean {
  return t <= lastAt + windowMs && t >= firstAt - windowMs;
}

/** True when an operator split these two events apart: automatic merging must not undo it. */
export async function splitApart(db: EventDb, a: number, b: number): Promise<boolean> {
  const r = await db
    .selectFrom('event_decisions')
    .select('id')
    .where('kind', '=', 'split')
    .where((eb) => eb.or([
      eb.and([eb('event_id', '=', a), eb('other_event_id', '=', b)]),
      eb.and([eb('event_id', '=', b), eb('other_event_id', '=', a)]),
    ]))
    .executeTakeFirst();
  return r !== undefined;
}
