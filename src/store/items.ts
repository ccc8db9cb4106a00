// Item queries shared by ingest, search and the API: insert, look up by idempotency key, load as JSON.
import { SqliteAdapter, type Kysely, type Selectable } from 'kysely';
import type { Database, ItemsTable } from './schema.ts';
import type { PreparedItem } from '../ingest/prepared.ts';
import type { ItemJson, Platform } from '../ingest/item-schema.ts';

export type ItemRow = Selectable<ItemsTable>;

/** The stored item this one repeats, and the key that says so; null when it is new. */
export async function findDuplicate(
  db: Kysely<Database>,
  item: PreparedItem,
): Promise<{ id: number; by: 'url' | 'external_id' | 'content' } | null> {
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

/** Insert the item row and return its id. */
export async function insertItem(db: Kysely<Database>, item: PreparedItem): Promise<number> {
  const q = db
    .insertInto('items')
    .values({
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
    })
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
