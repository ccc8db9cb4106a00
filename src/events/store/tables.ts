// Kysely table types of the events tables (migration 2026112707_events.ts); reach them with
// `db.withTables<EventTables>()`.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, Millis } from '../../store/schema.ts';

export type EventStatus = 'open' | 'merged';

export interface EventsTable {
  id: Generated<number>;
  title: string;
  title_item_id: number | null;
  first_item_id: number;
  first_source: string | null;
  first_published_at: Millis;
  last_published_at: Millis;
  item_count: number;
  keywords_json: string;
  centroid_json: string;
  regions_json: string;
  sentiment_json: string;
  source_counts_json: string;
  platform_counts_json: string;
  stage: string;
  heat: number;
  status: EventStatus;
  merged_into: number | null;
  version: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface EventItemsTable {
  item_id: number;
  event_id: number;
  published_at: Millis;
  weight: number;
  sentiment: string | null;
  regions_json: string;
  source: string | null;
  platform: string;
}

export interface EventHeatTable {
  event_id: number;
  hour_at: Millis;
  volume: number;
  heat: number;
}

export interface EventDecisionsTable {
  id: Generated<number>;
  kind: 'merge' | 'split';
  /** merge: the event merged away; split: the event items were taken from. */
  event_id: number;
  /** merge: the event it went into; split: the new event. */
  other_event_id: number;
  item_ids_json: string;
  actor: string | null;
  created_at: Millis;
}

export interface EventTermsTable {
  term: string;
  event_id: number;
}

export interface EventTermStatsTable {
  term: string;
  count: number;
}

export type EventTables = {
  events: EventsTable;
  event_items: EventItemsTable;
  event_heat: EventHeatTable;
  event_decisions: EventDecisionsTable;
  event_terms: EventTermsTable;
  event_term_stats: EventTermStatsTable;
};

export type EventDb = Kysely<Database & EventTables>;
export type EventRow = Selectable<EventsTable>;

/** The database handle with the events tables typed. */
export function eventDb(db: Kysely<Database>): EventDb {
  return db.withTables<EventTables>();
}
