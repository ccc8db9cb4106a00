// Operator decisions on events: merge one event into another, split items off into a new event. Both
// are recorded in event_decisions; later items respect them because clustering reads the resulting rows
// (items find their parent's or group's event through event_items, a merged event redirects through
// merged_into, and automatic merging never rejoins two events an operator split apart).
import { YqError } from '../../errors.ts';
import type { ClusterParams } from '../cluster/types.ts';
import { getEventRow, mergeEvents } from './merge.ts';
import { rebuildEvent } from './rebuild.ts';
import { newVersion } from './write.ts';
import type { EventDb } from './tables.ts';

/** Merge event `fromId` into `intoId` as an operator's decision. */
export async function mergeDecision(db: EventDb, fromId: number, intoId: number, p: ClusterParams, now: number, actor: string): Promise<void> {
  if (fromId === intoId) throw new YqError('YQ_ERR_VALIDATION', 'into: an event cannot be merged into itself');
  const from = await getEventRow(db, fromId);
  if (!from) throw new YqError('YQ_ERR_NOT_FOUND', `event ${fromId}`);
  const into = await getEventRow(db, intoId);
  if (!into) throw new YqError('YQ_ERR_NOT_FOUND', `into: event ${intoId}`);
  if (from.status === 'merged') throw new YqError('YQ_ERR_CONFLICT', `event ${fromId} was already merged into ${from.merged_into ?? '?'}`);
  if (into.status === 'merged') throw new YqError('YQ_ERR_CONFLICT', `into: event ${intoId} was merged into ${into.merged_into ?? '?'}`);
  await mergeEvents(db, fromId, intoId, p, now, actor);
}

/** Split the given items off event `eventId` into a new event; returns the new event's id. */
export async function splitDecision(db: EventDb, eventId: number, itemIds: number[], p: ClusterParams, now: number, actor: string): Promise<number> {
  const ev = await getEventRow(db, eventId);
  if (!ev) throw new YqError('YQ_ERR_NOT_FOUND', `event ${eventId}`);
  if (ev.status === 'merged') throw new YqError('YQ_ERR_CONFLICT', `event ${eventId} was merged into ${ev.merged_into ?? '?'}`);
  const ids = [...new Set(itemIds)];
  const rows = await db.selectFrom('event_items').select(['item_id', 'event_id', 'published_at', 'source', 'platform']).where('item_id', 'in', ids).execute();
  const foreign = ids.filter((id) => !rows.some((r) => r.item_id === id && r.event_id === eventId));
  if (foreign.length > 0) throw new YqError('YQ_ERR_VALIDATION', `item_ids: not in event ${eventId}: ${foreign.slice(0, 10).join(', ')}`);
  if (rows.length >= ev.item_count) throw new YqError('YQ_ERR_VALIDATION', 'item_ids: a split must leave at least one item in the event');
  const first = [...rows].sort((a, b) => Number(a.published_at) - Number(b.published_at) || a.item_id - b.item_id)[0]!;
  const created = await db
    .insertInto('events')
    .values({
      title: '', title_item_id: null, first_item_id: first.item_id, first_source: first.source ?? first.platform,
      first_published_at: first.published_at, last_published_at: first.published_at, item_count: 0,
      keywords_json: '[]', centroid_json: '{}', regions_json: '[]', sentiment_json: '{}', source_counts_json: '{}',
      platform_counts_json: '{}', stage: 'emerging', heat: 0, status: 'open', merged_into: null, version: newVersion(),
      created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('event_items').set({ event_id: created.id }).where('item_id', 'in', ids).execute();
  await rebuildEvent(db, eventId, p, now);
  await rebuildEvent(db, created.id, p, now);
  await db.insertInto('event_decisions').values({ kind: 'split', event_id: eventId, other_event_id: created.id, item_ids_json: JSON.stringify(ids), actor, created_at: now }).execute();
  return created.id;
}
