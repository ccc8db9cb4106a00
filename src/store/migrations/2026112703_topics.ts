// Topics: a version counter every process checks to know when to recompile its matcher, and the
// built-in seed of the variant dictionary (网言网语). The topics, item_topics and variants tables
// themselves come with the foundation migration.
import type { Kysely } from 'kysely';
import { SEED_VARIANTS } from '../../topics/seed-variants.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('topic_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  const now = Date.now();
  const d = db as Kysely<{
    topic_state: { id: number; version: number; updated_at: number };
    variants: { term: string; variant: string; kind: string; created_at: number };
  }>;
  await d.insertInto('topic_state').values({ id: 1, version: 1, updated_at: now }).execute();
  await d.schema.createIndex('variants_term_idx').on('variants').column('term').execute();
  await d
    .insertInto('variants')
    .values(SEED_VARIANTS.map((v) => ({ ...v, created_at: now })))
    .onConflict((oc) => oc.columns(['term', 'variant']).doNothing())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('variants_term_idx').ifExists().execute();
  await db.schema.dropTable('topic_state').ifExists().execute();
}
