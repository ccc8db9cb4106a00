// Kysely types of the collection tables (migration 2026112705_collect). Reach them with
// `ctx.store.db.withTables<CollectTables>()` (see collectDb()).
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database, Millis, SourcesTable } from '../../store/schema.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The foundation's sources table plus the register columns (属地网站台账). */
export interface RegisteredSourcesTable extends SourcesTable {
  region: string | null;
  owner_org: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  interval_s: Defaulted<number>;
  tags_json: Defaulted<string>;
  /** IANA zone for dates the site prints without an offset; null = the office's zone. */
  timezone: string | null;
  /** SHA-256 (hex) of the push token; the token itself is shown once and never stored. */
  push_token_hash: string | null;
}

export interface SourceStateTable {
  source_id: number;
  next_check_at: Millis;
  claimed_until: Millis | null;
  claimed_by: string | null;
  last_check_at: Millis | null;
  last_success_at: Millis | null;
  last_error_at: Millis | null;
  last_error: string | null;
  last_error_code: string | null;
  last_warning: string | null;
  consecutive_failures: Defaulted<number>;
  etag: string | null;
  last_modified: string | null;
  healthy: Defaulted<number>;
  /** 'failures' | 'silent' while unhealthy. */
  unhealthy_reason: string | null;
  unhealthy_since: Millis | null;
  items_total: Defaulted<number>;
  last_item_at: Millis | null;
}

export interface SourceDailyCountsTable {
  source_id: number;
  /** Local date in the office's zone, YYYY-MM-DD. */
  day: string;
  items: number;
}

export interface SourceChecksTable {
  id: Generated<number>;
  source_id: number;
  started_at: Millis;
  finished_at: Millis;
  ok: number;
  items_found: number;
  items_added: number;
  error_code: string | null;
  error: string | null;
  warning: string | null;
}

export type SourceEventKind = 'source_down' | 'source_recovered';

export interface SourceEventsTable {
  id: Generated<number>;
  source_id: number;
  kind: SourceEventKind;
  at: Millis;
  reason: string;
  /** Set by the alerting module once delivered. */
  delivered_at: Millis | null;
}

export interface KeyPeriodsTable {
  id: Generated<number>;
  name: string;
  starts_at: Millis;
  ends_at: Millis;
  interval_s: number;
  source_ids_json: string;
  topic_ids_json: string;
  note: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface CaptureBlobsTable {
  sha256: string;
  size: number;
  encoding: 'gzip' | 'identity';
  data: Buffer;
}

export interface CapturesTable {
  id: Generated<number>;
  source_id: number | null;
  url: string;
  fetched_at: Millis;
  status: number;
  headers_json: string;
  sha256: string;
  size: number;
}

export interface ItemCapturesTable {
  item_id: number;
  capture_id: number;
}

export type CollectTables = {
  sources: RegisteredSourcesTable;
  source_state: SourceStateTable;
  source_daily_counts: SourceDailyCountsTable;
  source_checks: SourceChecksTable;
  source_events: SourceEventsTable;
  key_periods: KeyPeriodsTable;
  capture_blobs: CaptureBlobsTable;
  captures: CapturesTable;
  item_captures: ItemCapturesTable;
};

export type CollectDb = Kysely<Omit<Database, 'sources'> & CollectTables>;

/** The store's Kysely handle typed with the collection tables. */
export function collectDb(db: Kysely<Database>): CollectDb {
  return db.withTables<CollectTables>() as unknown as CollectDb;
}
