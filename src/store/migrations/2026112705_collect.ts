// Collection tables: the source register's extra columns (属地网站台账), scheduling and health state,
// per-day item counts, check log, source events, key periods (重点时段) and captured evidence (取证).
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/** Binary column type of the dialect in use (SQLite blob, PostgreSQL bytea). */
function binaryType(db: Kysely<unknown>): 'blob' | 'bytea' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
}

type Build = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

const SOURCE_COLUMNS: [string, 'text' | 'integer', Build?][] = [
  ['region', 'text'],
  ['owner_org', 'text'],
  ['contact_person', 'text'],
  ['contact_phone', 'text'],
  ['interval_s', 'integer', (c) => c.notNull().defaultTo(600)],
  ['tags_json', 'text', (c) => c.notNull().defaultTo('[]')],
  ['timezone', 'text'],
  ['push_token_hash', 'text'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One ALTER per column: SQLite adds a single column per statement.
  for (const [name, type, build] of SOURCE_COLUMNS) {
    await db.schema.alterTable('sources').addColumn(name, type, build ?? ((c) => c)).execute();
  }

  // Runtime state kept apart from the register so editing a source never clobbers its schedule.
  await db.schema
    .createTable('source_state')
    .addColumn('source_id', 'integer', (c) => c.primaryKey().references('sources.id').onDelete('cascade'))
    .addColumn('next_check_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_until', 'bigint')
    .addColumn('claimed_by', 'text')
    .addColumn('last_check_at', 'bigint')
    .addColumn('last_success_at', 'bigint')
    .addColumn('last_error_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_warning', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('healthy', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unhealthy_reason', 'text')
    .addColumn('unhealthy_since', 'bigint')
    .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_item_at', 'bigint')
    .execute();
  await db.schema.createIndex('source_state_next_idx').on('source_state').column('next_check_at').execute();
  await sql`INSERT INTO source_state (source_id, next_check_at) SELECT id, 0 FROM sources`.execute(db);

  await db.schema
    .createTable('source_daily_counts')
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('source_daily_counts_pk', ['source_id', 'day'])
    .execute();

  await db.schema
    .createTable('source_checks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('items_found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error', 'text')
    .addColumn('warning', 'text')
    .execute();
  await db.schema.createIndex('source_checks_source_idx').on('source_checks').columns(['source_id', 'started_at']).execute();

  await db.schema
    .createTable('source_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('source_events_pending_idx').on('source_events').columns(['delivered_at', 'id']).execute();

  await db.schema
    .createTable('key_periods')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('interval_s', 'integer', (c) => c.notNull())
    .addColumn('source_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('topic_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Bodies are content-addressed: an unchanged page captured twice is stored once.
  await db.schema
    .createTable('capture_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('data', binaryType(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('captures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('headers_json', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('capture_blobs.sha256'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('captures_source_idx').on('captures').columns(['source_id', 'fetched_at']).execute();

  await db.schema
    .createTable('item_captures')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('capture_id', 'integer', (c) => c.notNull().references('captures.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('item_captures_pk', ['item_id', 'capture_id'])
    .execute();
  await db.schema.createIndex('item_captures_capture_idx').on('item_captures').columns(['capture_id', 'item_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['item_captures', 'captures', 'capture_blobs', 'key_periods', 'source_events', 'source_checks', 'source_daily_counts', 'source_state']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  for (const [name] of [...SOURCE_COLUMNS].reverse()) {
    await db.schema.alterTable('sources').dropColumn(name).execute();
  }
}
