// Item queries shared by ingest, search and the API: insert, look up by idempotency key, load as JSON.
import { SqliteAdapter, type Kysely, type Selectable } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, ItemsTable } from './schema.ts';
import type { PreparedItem } from '../ingest/prepared.ts';
import type { ItemJson, Platform } from '../ingest/item-schema.ts';

export type ItemRow = Selectable<ItemsTable>;

/** A stored item that a new one repeats, and the key that says so. */
export type Duplicate = { id: number; by: 'url' | 'external_id' | 'content' };

/**
 * The stored item this one repeats, and the key that says so; null when it is new. With `raw` (the
 * SQLite handle under `db`, same connection and so the same transaction) the lookups run as prepared
 * statements: building them with Kysely per item was a large share of ingest's own per-item cost.
 */
export async function findDuplicate(db: Kysely<Database>, item: PreparedItem, raw?: BetterSqlite3.Database | null): Promise<Duplicate | null> {
  if (raw) return findDuplicateRaw(raw, item);
  if (item.canonicalUrl) {
    const r = await db.selectFrom('items').select('id').where('canonical_url', '=', item.canonicalUrl).executeTakeFirst();
    if (r) return { id: r.id, by: 'url' };
  }
  if (item.externalId !== null) {
    let q = db.selectFrom('items').select('id').where('external_id', '=', item.externalId);
    q = item.sourceKey === null ? q.where('source_key', 'is', null) : q.where('source_key', '=', item.sourceKey);
    const r = await q.executeTakeFirst();
    if (r) return { id: r.id, by: 'external_id' };
  }
  if (!item.canonicalUrl && item.externalId === null) {
    // With neither key, the same text from the same source is the same item.
    let q = db.selectFrom('items').select('id').where('content_hash', '=', item.contentHash);
    q = item.sourceKey === null ? q.where('source_key', 'is', null) : q.where('source_key', '=', item.sourceKey);
    const r = await q.executeTakeFirst();
    if (r) return { id: r.id, by: 'content' };
  }
  return null;
}

interface ItemStatements {
  byUrl: BetterSqlite3.Statement<[string], number>;
  byExternal: BetterSqlite3.Statement<[string, string], number>;
  byExternalNoSource: BetterSqlite3.Statement<[string], number>;
  byHash: BetterSqlite3.Statement<[string, string], number>;
  byHashNoSource: BetterSqlite3.Statement<[string], number>;
  insert: BetterSqlite3.Statement<unknown[]>;
}

const statements = new WeakMap<BetterSqlite3.Database, ItemStatements>();

/** The raw statements of this module, prepared once per handle (the items table exists by then). */
function itemStatements(raw: BetterSqlite3.Database): ItemStatements {
  let st = statements.get(raw);
  if (st) return st;
  const id = (where: string) => raw.prepare(`SELECT id FROM items WHERE ${where}`).pluck() as BetterSqlite3.Statement<never, number>;
  st = {
    byUrl: id('canonical_url = ?'),
    byExternal: id('external_id = ? AND source_key = ?'),
    byExternalNoSource: id('external_id = ? AND source_key IS NULL'),
    byHash: id('content_hash = ? AND source_key = ?'),
    byHashNoSource: id('content_hash = ? AND source_key IS NULL'),
    insert: raw.prepare(`INSERT INTO items (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`),
  };
  statements.set(raw, st);
  return st;
}

/** findDuplicate() on the raw SQLite handle: the same three lookups, in the same order. */
function findDuplicateRaw(raw: BetterSqlite3.Database, item: PreparedItem): Duplicate | null {
  const st = itemStatements(raw);
  if (item.canonicalUrl) {
    const id = st.byUrl.get(item.canonicalUrl);
    if (id !== undefined) return { id, by: 'url' };
  }
  if (item.externalId !== null) {
    const id = item.sourceKey === null ? st.byExternalNoSource.get(item.externalId) : st.byExternal.get(item.externalId, item.sourceKey);
    if (id !== undefined) return { id, by: 'external_id' };
  }
  if (!item.canonicalUrl && item.externalId === null) {
    const id = item.sourceKey === null ? st.byHashNoSource.get(item.contentHash) : st.byHash.get(item.contentHash, item.sourceKey);
    if (id !== undefined) return { id, by: 'content' };
  }
  return null;
}

/**
 * The submitted payload minus title and content, which the row already holds (trimmed): the original
 * forms of the other fields (a published_at string, metrics) stay available, and the row is not twice
 * the size of the text — writing the text twice was a fifth of the row insert's cost.
 */
export function rawRemainder(raw: unknown): string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return JSON.stringify(raw ?? {});
  const { title: _t, content: _c, ...rest } = raw as Record<string, unknown>;
  return JSON.stringify(rest);
}

/**
 * True when the driver reports the new row's id by itself (SQLite's last_insert_rowid). There,
 * `INSERT … RETURNING` is avoided: inside ingest's busy batch transaction it cost ~0.5 ms per item
 * against ~0.05 ms for the plain insert. PostgreSQL reports no id, so it keeps RETURNING.
 */
function reportsInsertId(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Columns written by insertItem(), in the order of itemValues(). */
const INSERT_COLUMNS = [
  'source_id', 'source_key', 'external_id', 'url', 'canonical_url', 'title', 'content', 'author', 'platform', 'published_at',
  'collected_at', 'parent_external_id', 'metrics_json', 'raw_json', 'content_hash', 'simhash', 'similar_group_id',
] as const;

/** The row values of a prepared item. */
function itemValues(item: PreparedItem) {
  return {
    source_id: item.sourceId,
    source_key: item.sourceKey,
    external_id: item.externalId,
    url: item.url,
    canonical_url: item.canonicalUrl,
    title: item.title,
    content: item.content,
    author: item.author,
    platform: item.platform,
    published_at: item.publishedAt,
    collected_at: item.collectedAt,
    parent_external_id: item.parentExternalId,
    metrics_json: JSON.stringify(item.metrics),
    raw_json: rawRemainder(item.raw),
    content_hash: item.contentHash,
    simhash: null,
    similar_group_id: null,
  };
}

/** Insert the item row and return its id; with `raw` (see findDuplicate) as a prepared statement. */
export async function insertItem(db: Kysely<Database>, item: PreparedItem, raw?: BetterSqlite3.Database | null): Promise<number> {
  const values = itemValues(item);
  if (raw) return Number(itemStatements(raw).insert.run(...INSERT_COLUMNS.map((c) => values[c])).lastInsertRowid);
  const q = db.insertInto('items').values(values);
  if (reportsInsertId(db)) return Number((await q.executeTakeFirstOrThrow()).insertId);
  return (await q.returning('id').executeTakeFirstOrThrow()).id;
}

/** The item JSON form of a stored row. */
export function itemToJson(row: ItemRow): ItemJson {
  return {
    id: row.id,
    external_id: row.external_id,
    url: row.url,
    canonical_url: row.canonical_url,
    title: row.title,
    content: row.content,
    author: row.author,
    platform: row.platform as Platform,
    published_at: new Date(Number(row.published_at)).toISOString(),
    collected_at: new Date(Number(row.collected_at)).toISOString(),
    parent_external_id: row.parent_external_id,
    metrics: JSON.parse(row.metrics_json) as ItemJson['metrics'],
    source: row.source_key,
    similar_group_id: row.similar_group_id,
  };
}

/** Load items by id, in the order of the ids given. */
export async function getItems(db: Kysely<Database>, ids: number[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('items').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ItemRow => r !== undefined);
}
