// Writes of one item joining an event: its event_items row, the hour of the heat series, the term index,
// and the event row's counts, centroid, title, 首发 (first item and source), stage and heat.
import { sql } from 'kysely';
import { heat24h, type SeriesPoint } from '../heat.ts';
import { stageOf } from '../lifecycle.ts';
import { HOUR_MS } from '../cluster/params.ts';
import { topKeywords } from '../cluster/state.ts';
import type { EventState } from '../cluster/types.ts';
import { addRegions, bumpCounts, centroidJson, type RegionCount } from './state-json.ts';
import { titleText, type EventItemData } from './item-data.ts';
import type { EventDb } from './tables.ts';
import type { EventHead } from './candidates.ts';

/** Terms at most indexed per event (event_terms rows). */
export const MAX_INDEXED_TERMS = 200;

/** A fresh row version (random, see the migration). */
export function newVersion(): number {
  return Math.floor(Math.random() * 2 ** 52) + 1;
}

/** Recent hours of a state as series points. */
export function statePoints(state: EventState): SeriesPoint[] {
  return [...state.hours].map(([h, c]) => ({ hourAt: h * HOUR_MS, volume: c.volume, heat: c.heat }));
}

/** Insert an empty event row for an item that starts a new event; returns its id. */
export async function createEventRow(db: EventDb, item: EventItemData, now: number): Promise<number> {
  const r = await sql<{ id: number }>`INSERT INTO events (title, first_item_id, first_source, first_published_at, last_published_at,
      item_count, stage, heat, status, version, created_at, updated_at)
    VALUES ('', ${item.id}, ${item.sourceKey ?? item.platform}, ${item.publishedAt}, ${item.publishedAt},
      0, 'emerging', 0, 'open', ${newVersion()}, ${now}, ${now}) RETURNING id`.execute(db);
  return r.rows[0]!.id;
}

/** Add the item's hour to the event's heat series. */
async function addHeat(db: EventDb, eventId: number, item: EventItemData): Promise<void> {
  await sql`INSERT INTO event_heat (event_id, hour_at, volume, heat)
    VALUES (${eventId}, ${Math.floor(item.publishedAt / HOUR_MS) * HOUR_MS}, 1, ${item.weight})
    ON CONFLICT (event_id, hour_at) DO UPDATE SET volume = event_heat.volume + 1, heat = event_heat.heat + excluded.heat`.execute(db);
}

/** Index the item's telling terms for the event (bounded per event); returns the new indexed count. */
async function indexTerms(db: EventDb, eventId: number, tokens: string[], indexed: number): Promise<number> {
  const room = MAX_INDEXED_TERMS - indexed;
  if (room <= 0 || tokens.length === 0) return indexed;
  const terms = tokens.slice(0, room);
  await sql`INSERT INTO event_terms (term, event_id) VALUES ${sql.join(terms.map((term) => sql`(${term}, ${eventId})`))}
    ON CONFLICT (term, event_id) DO NOTHING`.execute(db);
  return indexed + terms.length;
}

/** The aggregate columns an update builds on (from the head read in this transaction). */
export type EventAggregates = Pick<EventHead, 'title' | 'regions_json' | 'sentiment_json' | 'source_counts_json' | 'platform_counts_json'>;

const EMPTY: EventAggregates = { title: '', regions_json: '[]', sentiment_json: '{}', source_counts_json: '{}', platform_counts_json: '{}' };

/** Persist an item joining the event whose state already absorbed it; returns the new row version. */
export async function saveItemToEvent(
  db: EventDb, state: EventState, indexedBefore: number, head: EventAggregates | null, item: EventItemData, becameTitle: boolean, now: number,
): Promise<{ version: number; indexed: number }> {
  const row = head ?? EMPTY;
  await sql`INSERT INTO event_items (item_id, event_id, published_at, weight, sentiment, regions_json, source, platform)
    VALUES (${item.id}, ${state.id}, ${item.publishedAt}, ${item.weight}, ${item.sentiment}, ${JSON.stringify(item.regions)},
      ${item.sourceKey}, ${item.platform})`.execute(db);
  await addHeat(db, state.id, item);
  const indexed = await indexTerms(db, state.id, item.lookup, indexedBefore);
  const regions = addRegions(JSON.parse(row.regions_json) as RegionCount[], item.regions);
  const points = statePoints(state);
  const version = newVersion();
  const isFirst = state.firstItemId === item.id;
  // Until an item worthy of a title comes, the event shows the first text it has.
  const title = becameTitle ? titleText(item.title, item.content) : state.titleItemId === null && row.title === '' ? titleText(item.title, item.content) : row.title;
  const first = isFirst
    ? sql`, first_item_id = ${item.id}, first_source = ${item.sourceKey ?? item.platform}, first_published_at = ${item.publishedAt}`
    : sql``;
  await sql`UPDATE events SET title = ${title}, title_item_id = ${state.titleItemId}${first},
      last_published_at = ${state.lastAt}, item_count = ${state.count},
      keywords_json = ${JSON.stringify(topKeywords(state))}, centroid_json = ${centroidJson(state, indexed)},
      regions_json = ${JSON.stringify(regions)}, sentiment_json = ${bumpCounts(row.sentiment_json, item.sentiment)},
      source_counts_json = ${bumpCounts(row.source_counts_json, item.sourceKey ?? '(none)')},
      platform_counts_json = ${bumpCounts(row.platform_counts_json, item.platform)},
      stage = ${stageOf(points, state.lastAt)}, heat = ${heat24h(points, state.lastAt)}, version = ${version}, updated_at = ${now}
    WHERE id = ${state.id}`.execute(db);
  return { version, indexed };
}
