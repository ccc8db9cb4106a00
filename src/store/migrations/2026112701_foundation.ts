// Foundation tables: sources, items, topics, variants, similar-groups and the SimHash band index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('source_key', 'text')
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('collected_at', 'bigint', (c) => c.notNull())
    .addColumn('parent_external_id', 'text')
    .addColumn('metrics_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('raw_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('simhash', 'text')
    .addColumn('similar_group_id', 'integer')
    .execute();
  // Idempotency keys: an item is the same item when its canonical URL or its source + external id match.
  await sql`CREATE UNIQUE INDEX items_canonical_url_uq ON items (canonical_url) WHERE canonical_url IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX items_source_external_uq ON items (source_key, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await db.schema.createIndex('items_published_idx').on('items').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('items_content_hash_idx').on('items').column('content_hash').execute();
  await db.schema.createIndex('items_group_idx').on('items').column('similar_group_id').execute();
  await db.schema.createIndex('items_parent_idx').on('items').column('parent_external_id').execute();
  await db.schema.createIndex('items_source_idx').on('items').columns(['source_id', 'published_at']).execute();

  await db.schema
    .createTable('similar_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('first_item_id', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('simhash_bands')
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('key', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('simhash_bands_idx').on('simhash_bands').columns(['band', 'key']).execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('expression', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('item_topics')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('item_topics_pk', ['item_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('item_topics_topic_idx').on('item_topics').columns(['topic_id', 'item_id']).execute();

  await db.schema
    .createTable('variants')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('variants_uq', ['term', 'variant'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['variants', 'item_topics', 'topics', 'simhash_bands', 'similar_groups', 'items', 'sources']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
