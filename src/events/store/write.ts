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
  const r = await db
    .insertInto('events')
    .values({
      title: '', title_item_id: null, first_item_id: item.id, first_source: item.sourceKey ?? item.platform,
      first_published_at: item.publishedAt, last_published_at: item.publishedAt, item_count: 0,
      keywords_json: '[]', centroid_json: '{}', regions_json: '[]', sentiment_json: '{}',
      source_counts_json: '{}', platform_counts_json: '{}', stage: 'emerging', heat: 0, status: 'open',
      merged_into: null, version: newVersion(), created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Add the item's hour to the event's heat series. */
async function addHeat(db: EventDb, eventId: number, item: EventItemData): Promise<void> {
  await db
    .insertInto('event_heat')
    .values({ event_id: eventId, hour_at: Math.floor(item.publishedAt / HOUR_MS) * HOUR_MS, volume: 1, heat: item.weight })
    .onConflict((oc) => oc.columns(['event_id', 'hour_at']).doUpdateSet({
      volume: sql<number>`event_heat.volume + 1`,
      heat: sql<number>`event_heat.heat + excluded.heat`,
    }))
    .execute();
}

/** Index the item's telling terms for the event (bounded per event); returns the new indexed count. */
async function indexTerms(db: EventDb, eventId: number, tokens: string[], indexed: number): Promise<number> {
  const room = MAX_INDEXED_TERMS - indexed;
  if (room <= 0 || tokens.length === 0) return indexed;
  const terms = tokens.slice(0, room);
  await db.insertInto('event_terms').values(terms.map((term) => ({ term, event_id: eventId }))).onConflict((oc) => oc.doNothing()).execute();
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
  await db.insertInto('event_items').values({
    item_id: item.id, event_id: state.id, published_at: item.publishedAt, weight: item.weight,
    sentiment: item.sentiment, regions_json: JSON.stringify(item.regions), source: item.sourceKey, platform: item.platform,
  }).execute();
  await addHeat(db, state.id, item);
  const indexed = await indexTerms(db, state.id, item.lookup, indexedBefore);
  const regions = addRegions(JSON.parse(row.regions_json) as RegionCount[], item.regions);
  const points = statePoints(state);
  const version = newVersion();
  const isFirst = state.firstItemId === item.id;
  // Until an item worthy of a title comes, the event shows the first text it has.
  const provisional = !becameTitle && state.titleItemId === null && row.title === '' ? titleText(item.title, item.content) : '';
  await db
    .updateTable('events')
    .set({
      ...(becameTitle ? { title: titleText(item.title, item.content), title_item_id: item.id } : {}),
      ...(provisional ? { title: provisional } : {}),
      ...(isFirst ? { first_item_id: item.id, first_source: item.sourceKey ?? item.platform, first_published_at: item.publishedAt } : {}),
      last_published_at: state.lastAt,
      item_count: state.count,
      keywords_json: JSON.stringify(topKeywords(state)),
      centroid_json: centroidJson(state, indexed),
      regions_json: JSON.stringify(regions),
      sentiment_json: bumpCounts(row.sentiment_json, item.sentiment),
      source_counts_json: bumpCounts(row.source_counts_json, item.sourceKey ?? '(none)'),
      platform_counts_json: bumpCounts(row.platform_counts_json, item.platform),
      stage: stageOf(points, state.lastAt),
      heat: heat24h(points, state.lastAt),
      version,
      updated_at: now,
    })
    .where('id', '=', state.id)
    .execute();
  return { version, indexed };
}
