// The certain links of an item to stored events: its parent's event, the events of children that arrived
// before it (orphans waiting for this parent), of siblings answering the same unknown parent, and of its
// similar-group. Every answer follows merged_into to the live event. These run for every ingested item,
// so they are plain SQL templates (portable, and a third of the query builder's cost).
import { sql } from 'kysely';
import { inLists, runSql, valueGroups } from './raw-sql.ts';
import type { EventDb } from './tables.ts';

export interface LinkRow {
  event_id: number;
  status: string;
  merged_into: number | null;
}

interface SpanRow extends LinkRow {
  first_published_at: number;
  last_published_at: number;
}

const LINK_COLUMNS = sql`ei.event_id, e.status, e.merged_into, e.first_published_at, e.last_published_at`;

/** Follow merged_into to the live event (null when the event is gone). */
export async function resolveEvent(db: EventDb, id: number): Promise<number | null> {
  let cur = id;
  for (let hops = 0; hops < 50; hops++) {
    const r = (await sql<{ status: string; merged_into: number | null }>`SELECT status, merged_into FROM events WHERE id = ${cur}`.execute(db)).rows[0];
    if (!r) return null;
    if (r.status !== 'merged' || r.merged_into === null) return cur;
    cur = r.merged_into;
  }
  return cur;
}

/** The live event of a link row: itself when open, else followed through merged_into. */
async function live(db: EventDb, r: LinkRow | undefined): Promise<number | null> {
  if (!r) return null;
  if (r.status !== 'merged' || r.merged_into === null) return r.event_id;
  return resolveEvent(db, r.merged_into);
}

/** The event of the item's parent (same source preferred), or null when the parent is not stored yet. */
export async function parentEvent(db: EventDb, parentExternalId: string, sourceKey: string | null): Promise<number | null> {
  const r = await sql<SpanRow & { source_key: string | null }>`SELECT ${LINK_COLUMNS}, i.source_key FROM items AS i
    JOIN event_items AS ei ON ei.item_id = i.id JOIN events AS e ON e.id = ei.event_id
    WHERE i.external_id = ${parentExternalId} LIMIT 10`.execute(db);
  return live(db, r.rows.find((x) => x.source_key === sourceKey) ?? r.rows[0]);
}

/** Children's events counted at most (the first ones, in the order the children were stored). */
const MAX_CHILD_EVENTS = 20;

/** Events of stored items that answer `externalId` (children that came before their parent). */
export async function childEvents(db: EventDb, externalId: string, selfId: number): Promise<number[]> {
  const r = await runSql<LinkRow>(db, `SELECT ei.event_id, e.status, e.merged_into FROM items AS i
    JOIN event_items AS ei ON ei.item_id = i.id JOIN events AS e ON e.id = ei.event_id
    WHERE i.parent_external_id = ? AND i.id <> ? ORDER BY i.id`, [externalId, selfId]);
  return liveEvents(db, r.rows);
}

/** The live events of children's rows (in the order the children were stored): the first MAX_CHILD_EVENTS events, each followed through merges. */
export async function liveEvents(db: EventDb, rows: readonly LinkRow[]): Promise<number[]> {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const row of rows) {
    if (seen.has(row.event_id)) continue;
    if (seen.size >= MAX_CHILD_EVENTS) break;
    seen.add(row.event_id);
    const e = await live(db, row);
    if (e !== null && !out.includes(e)) out.push(e);
  }
  return out;
}

/** Children stored before item `before` of the given parents, in the order they were stored, by parent. */
export async function storedChildren(db: EventDb, parents: readonly string[], before: number): Promise<Map<string, LinkRow[]>> {
  const out = new Map<string, LinkRow[]>();
  if (parents.length === 0) return out;
  // Each parent falls in one list, so its children come in the order they were stored.
  for (const list of inLists(parents)) {
    const r = await runSql<LinkRow & { parent: string }>(db, `SELECT i.parent_external_id AS parent, ei.event_id, e.status, e.merged_into FROM items AS i
      JOIN event_items AS ei ON ei.item_id = i.id JOIN events AS e ON e.id = ei.event_id
      WHERE i.parent_external_id IN ${valueGroups(1, list.length)} AND i.id < ? ORDER BY i.id`, [...list, before]);
    for (const row of r.rows) {
      const list = out.get(row.parent);
      const link = { event_id: row.event_id, status: row.status, merged_into: row.merged_into };
      if (list) list.push(link);
      else out.set(row.parent, [link]);
    }
  }
  return out;
}

/** The event of a sibling answering the same (not yet stored) parent. */
export async function siblingEvent(db: EventDb, parentExternalId: string, selfId: number): Promise<number | null> {
  const r = await sql<SpanRow>`SELECT ${LINK_COLUMNS} FROM items AS i
    JOIN event_items AS ei ON ei.item_id = i.id JOIN events AS e ON e.id = ei.event_id
    WHERE i.parent_external_id = ${parentExternalId} AND i.id <> ${selfId} ORDER BY i.id DESC LIMIT 1`.execute(db);
  return live(db, r.rows[0]);
}

/** A similar-group joins its event only inside the event's window (a reprint days later is a new event). */
export function groupStillOpen(firstAt: number, lastAt: number, t: number, windowMs: number): boolean {
  return t <= lastAt + windowMs && t >= firstAt - windowMs;
}

/** First and last time of an event, given those its row holds (a batch session knows newer ones). */
export type SpanOf = (id: number, rowFirst: number, rowLast: number) => { first: number; last: number };

const rowSpan: SpanOf = (_id, first, last) => ({ first, last });

/** The event of the latest other member of the item's similar-group, if that event is still open at t. */
export async function groupEvent(db: EventDb, groupId: number, selfId: number, t: number, windowMs: number, spanOf: SpanOf = rowSpan): Promise<number | null> {
  const r = (await sql<SpanRow>`SELECT ${LINK_COLUMNS} FROM items AS i
    JOIN event_items AS ei ON ei.item_id = i.id JOIN events AS e ON e.id = ei.event_id
    WHERE i.similar_group_id = ${groupId} AND i.id <> ${selfId} ORDER BY i.id DESC LIMIT 1`.execute(db)).rows[0];
  if (!r) return null;
  if (r.status === 'open') {
    const sp = spanOf(r.event_id, Number(r.first_published_at), Number(r.last_published_at));
    return groupStillOpen(sp.first, sp.last, t, windowMs) ? r.event_id : null;
  }
  const id = await resolveEvent(db, r.event_id);
  if (id === null) return null;
  const ev = (await sql<{ f: number; l: number }>`SELECT first_published_at AS f, last_published_at AS l FROM events WHERE id = ${id}`.execute(db)).rows[0];
  if (!ev) return null;
  const sp = spanOf(id, Number(ev.f), Number(ev.l));
  return groupStillOpen(sp.first, sp.last, t, windowMs) ? id : null;
}

/** True when an operator split these two events apart: automatic merging must not undo it. */
export async function splitApart(db: EventDb, a: number, b: number): Promise<boolean> {
  const r = await sql<{ id: number }>`SELECT id FROM event_decisions WHERE kind = 'split'
    AND ((event_id = ${a} AND other_event_id = ${b}) OR (event_id = ${b} AND other_event_id = ${a})) LIMIT 1`.execute(db);
  return r.rows.length > 0;
}
