// Near-duplicate index: simhash_bands gets what a lookup needs without touching the (wide) items rows:
// the fingerprint halves and published_at, so candidates are filtered by time window and Hamming distance
// from one index. Keys carry their band in the high bits (see src/dedup/bands.ts), so one `key IN (…)`
// lookup serves all bands. The table only held derived data, so it is rebuilt rather than altered.
import type { Kysely } from 'kysely';

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
    .execute();
  await db.schema.createIndex('simhash_bands_key_idx').on('simhash_bands').columns(['key', 'published_at']).execute();
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
