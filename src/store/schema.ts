// Kysely table types for the foundation tables. Later modules keep their own table types
// beside their code and reach them with `db.withTables<TheirTables>()`, so this file stays small.
import type { ColumnType, Generated } from 'kysely';

/** Epoch milliseconds (UTC). Stored as INTEGER in SQLite and BIGINT in PostgreSQL. */
export type Millis = number;

export interface SourcesTable {
  id: Generated<number>;
  /** Stable short key used by the item JSON form's `source` field. */
  key: string;
  name: string;
  kind: string;
  url: string | null;
  platform: string;
  enabled: ColumnType<number, number | undefined, number>;
  settings_json: ColumnType<string, string | undefined, string>;
  created_at: Millis;
  updated_at: Millis;
}

export interface ItemsTable {
  id: Generated<number>;
  source_id: number | null;
  source_key: string | null;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string;
  content: string;
  author: string | null;
  platform: string;
  published_at: Millis;
  collected_at: Millis;
  parent_external_id: string | null;
  metrics_json: string;
  raw_json: string;
  content_hash: string;
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string | null;
  similar_group_id: number | null;
}

export interface SimilarGroupsTable {
  id: Generated<number>;
  first_item_id: number;
  size: number;
  updated_at: Millis;
}

export interface SimhashBandsTable {
  band: number;
  key: number;
  item_id: number;
}

export interface TopicsTable {
  id: Generated<number>;
  name: string;
  expression: string;
  description: string;
  enabled: ColumnType<number, number | undefined, number>;
  created_at: Millis;
  updated_at: Millis;
}

export interface ItemTopicsTable {
  item_id: number;
  topic_id: number;
}

export interface VariantsTable {
  id: Generated<number>;
  /** The canonical term users write in topic expressions (e.g. 政府). */
  term: string;
  /** A spelling seen online (e.g. zf). */
  variant: string;
  kind: string;
  created_at: Millis;
}

export interface Database {
  sources: SourcesTable;
  items: ItemsTable;
  similar_groups: SimilarGroupsTable;
  simhash_bands: SimhashBandsTable;
  topics: TopicsTable;
  item_topics: ItemTopicsTable;
  variants: VariantsTable;
}
