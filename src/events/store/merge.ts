// Merging one stored event into another: items, heat series, term index, counts and centroid move over;
// the merged event stays as a redirect (status 'merged', merged_into). Used by operators (recorded as a
// decision) and by clustering when a parent arrives after its children had started events of their own.
import { sql } from 'kysely';
import { heat24h } from '../heat.ts';
import { stageOf } from '../lifecycle.ts';
import { mergeInto, topKeywords } from '../cluster/state.ts';
import type { ClusterParams } from '../cluster/types.ts';
import { addRegions, centroidJson, stateFromRow, type RegionCount } from './state-json.ts';
import { MAX_INDEXED_TERMS, newVersion, statePoints } from './write.ts';
import type { EventDb, EventRow } from './tables.ts';

function sumCounts(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, number>;
  for (const [k, v] of Object.entries(JSON.parse(b) as Record<string, number>)) x[k] = (x[k] ?? 0) + v;
  return JSON.stringify(x);
}

/** Load an event row or null. */
export async function getEventRow(db: EventDb, id: number): Promise<EventRow | null> {
  return (await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Merge event `fromId` into `intoId` (both open); `actor` set records an operator decision. */
export async function mergeEvents(
  db: EventDb, fromId: number, intoId: number, p: ClusterParams, now: number, actor: string | null = null,
): Promise<void> {
  const from = await getEventRow(db, fromId);
  const into = await getEventRow(db, intoId);
  if (!from || !into || fromId === intoId) return;
  const a = stateFromRow(into);
  const b = stateFromRow(from);
  const titleBefore = a.state.titleItemId;
  mergeInto(a.state, b.state, p);
  await db.updateTable('event_items').set({ event_id: intoId }).where('event_id', '=', fromId).execute();
  await sql`INSERT INTO event_heat (event_id, hour_at, volume, heat)
    SELECT ${intoId}, hour_at, volume, heat FROM event_heat WHERE event_id = ${fromId}
    ON CONFLICT (event_id, hour_at) DO UPDATE SET volume = event_heat.volume + excluded.volume, heat = event_heat.heat + excluded.heat`.execute(db);
  await db.deleteFrom('event_heat').where('event_id', '=', fromId).execute();
  await sql`INSERT INTO event_terms (term, event_id) SELECT term, ${intoId} FROM event_terms WHERE event_id = ${fromId}
    ON CONFLICT (term, event_id) DO NOTHING`.execute(db);
  await db.deleteFrom('event_terms').where('event_id', '=', fromId).execute();
  let regions = JSON.parse(into.regions_json) as RegionCount[];
  for (const r of JSON.parse(from.regions_json) as RegionCount[]) regions = addRegions(regions, Array.from({ length: r.count }, () => r));
  const fromFirst = Number(from.first_published_at) < Number(into.first_published_at);
  const points = statePoints(a.state);
  await db
    .updateTable('events')
    .set({
      ...(a.state.titleItemId !== titleBefore ? { title: from.title, title_item_id: from.title_item_id } : {}),
      ...(fromFirst ? { first_item_id: from.first_item_id, first_source: from.first_source, first_published_at: from.first_published_at } : {}),
      last_published_at: a.state.lastAt,
      item_count: a.state.count,
      keywords_json: JSON.stringify(topKeywords(a.state)),
      centroid_json: centroidJson(a.state, Math.min(MAX_INDEXED_TERMS, a.indexed + b.indexed)),
      regions_json: JSON.stringify(regions),
      sentiment_json: sumCounts(into.sentiment_json, from.sentiment_json),
      source_counts_json: sumCounts(into.source_counts_json, from.source_counts_json),
      platform_counts_json: sumCounts(into.platform_counts_json, from.platform_counts_json),
      stage: stageOf(points, a.state.lastAt),
      heat: heat24h(points, a.state.lastAt),
      version: newVersion(),
      updated_at: now,
    })
    .where('id', '=', intoId)
    .execute();
  await db.updateTable('events').set({ status: 'merged', merged_into: intoId, version: newVersion(), updated_at: now }).where('id', '=', fromId).execute();
  await db.updateTable('events').set({ merged_into: intoId, updated_at: now }).where('merged_into', '=', fromId).execute();
  if (actor !== null) {
    await db.insertInto('event_decisions').values({ kind: 'merge', event_id: fromId, other_event_id: intoId, item_ids_json: '[]', actor, created_at: now }).execute();
  }
}
