// Events: clustered stories with their items, hourly heat series, operator decisions (merge/split), the
// term index that finds candidate events and the stream's term counts (the clustering background).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    // Column order matters in SQLite: small fixed columns first (every candidate lookup reads them), then
    // the JSON summaries, and the centroid, the one large value, last, so reading the others never walks
    // its overflow pages.
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('merged_into', 'integer')
    // Changes on every write (a random token, not a counter, so a rolled-back write never reuses it):
    // a worker's cached centroid is valid only while the row still carries the version it was read with.
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('first_published_at', 'bigint', (c) => c.notNull())
    .addColumn('last_published_at', 'bigint', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('heat', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('emerging'))
    .addColumn('first_item_id', 'integer', (c) => c.notNull())
    .addColumn('title_item_id', 'integer')
    .addColumn('first_source', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('keywords_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('regions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sentiment_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source_counts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('platform_counts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('centroid_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('events_open_last_idx').on('events').columns(['status', 'last_published_at']).execute();
  await db.schema.createIndex('events_heat_idx').on('events').columns(['status', 'heat']).execute();
  await db.schema.createIndex('events_first_idx').on('events').column('first_published_at').execute();

  await db.schema
    .createTable('event_items')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('sentiment', 'text')
    .addColumn('regions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('source', 'text')
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo('other'))
    .execute();
  await db.schema.createIndex('event_items_event_idx').on('event_items').columns(['event_id', 'published_at']).execute();

  await db.schema
    .createTable('event_heat')
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('hour_at', 'bigint', (c) => c.notNull())
    .addColumn('volume', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('heat', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('event_heat_pk', ['event_id', 'hour_at'])
    .execute();

  await db.schema
    .createTable('event_decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('other_event_id', 'integer', (c) => c.notNull())
    .addColumn('item_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actor', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_decisions_event_idx').on('event_decisions').column('event_id').execute();
  await db.schema.createIndex('event_decisions_other_idx').on('event_decisions').column('other_event_id').execute();

  await db.schema
    .createTable('event_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_terms_pk', ['term', 'event_id'])
    .execute();
  await db.schema.createIndex('event_terms_event_idx').on('event_terms').column('event_id').execute();

  await db.schema
    .createTable('event_term_stats')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('count', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`INSERT INTO event_term_stats (term, count) VALUES ('', 0)`.execute(db);

  // A reply names its parent by external id alone (the foundation's unique index leads with source_key),
  // so finding a reply's parent needs an index of its own.
  await sql`CREATE INDEX items_external_id_idx ON items (external_id) WHERE external_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS items_external_id_idx`.execute(db);
  for (const t of ['event_term_stats', 'event_terms', 'event_decisions', 'event_heat', 'event_items', 'events']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
