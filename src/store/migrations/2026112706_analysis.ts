// Analysis tables: one row per item with sentiment, keywords, regions and risks as JSON, plus one row per
// resolved region and per reported risk category so search filters select by index.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('item_analysis')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'real', (c) => c.notNull())
    .addColumn('keywords_json', 'text', (c) => c.notNull())
    .addColumn('regions_json', 'text', (c) => c.notNull())
    .addColumn('risks_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_analysis_sentiment_idx').on('item_analysis').column('sentiment_label').execute();

  await db.schema
    .createTable('item_regions')
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_regions_code_idx').on('item_regions').columns(['code', 'item_id']).execute();

  await db.schema
    .createTable('item_risks')
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_risks_category_idx').on('item_risks').columns(['category', 'item_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['item_risks', 'item_regions', 'item_analysis']) await db.schema.dropTable(t).ifExists().execute();
}
