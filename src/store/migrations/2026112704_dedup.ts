// Near-duplicate index: simhash_bands gets what a lookup needs without touching the (wide) items rows:
// the fingerprint halves and published_at, so candidates are filtered by time window and Hamming distance
// from one index (the primary key). Keys carry their band in the high bits (see src/dedup/bands.ts), so
// one `key IN (…)` lookup serves all bands. The table only held derived data: rebuilt, not altered.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('simhash_bands').ifExists().execute();
  await db.schema
    .createTable('simhash_bands')
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('hi', 'bigint', (c) => c.notNull())
    .addColumn('lo', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('simhash_bands_pk', ['key', 'published_at', 'item_id'])
    // SQLite: the rows live in the key's B-tree itself, so a lookup reads no second structure.
    .$call((t) => (db.getExecutor().adapter instanceof SqliteAdapter ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await db.schema.createIndex('simhash_bands_item_idx').on('simhash_bands').column('item_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('simhash_bands').ifExists().execute();
  await db.schema
    .createTable('simhash_bands')
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('key', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('simhash_bands_idx').on('simhash_bands').columns(['band', 'key']).execute();
}
