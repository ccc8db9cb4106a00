// Queries for topics, the variant dictionary and the topic version counter.
import type { Kysely, Selectable } from 'kysely';
import type { Database, TopicsTable, VariantsTable } from '../store/schema.ts';

export interface TopicStateTable {
  id: number;
  /** Bumped in the same transaction as every change to topics or variants. */
  version: number;
  updated_at: number;
}

export type TopicsDb = Kysely<Database & { topic_state: TopicStateTable }>;
export type TopicRow = Selectable<TopicsTable>;
export type VariantRow = Selectable<VariantsTable>;

/** The store's database with the topic tables typed. */
export function topicsDb(db: Kysely<Database>): TopicsDb {
  return db.withTables<{ topic_state: TopicStateTable }>();
}

/** Current topic/variant version; any process compares it with the version its matcher was built from. */
export async function readTopicVersion(db: Kysely<Database>): Promise<number> {
  const r = await topicsDb(db).selectFrom('topic_state').select('version').where('id', '=', 1).executeTakeFirst();
  return r ? Number(r.version) : 0;
}

/** Record a change to topics or variants (call inside the transaction that makes it). */
export async function bumpTopicVersion(db: Kysely<Database>, now: number): Promise<void> {
  await topicsDb(db)
    .updateTable('topic_state')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', 1)
    .execute();
}

/** All topics, by id. */
export async function listTopicRows(db: Kysely<Database>, opts: { enabledOnly?: boolean } = {}): Promise<TopicRow[]> {
  let q = db.selectFrom('topics').selectAll().orderBy('id');
  if (opts.enabledOnly) q = q.where('enabled', '=', 1);
  return q.execute();
}

/** One topic by id, or undefined. */
export async function getTopicRow(db: Kysely<Database>, id: number): Promise<TopicRow | undefined> {
  return db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One topic by exact name, or undefined. */
export async function getTopicRowByName(db: Kysely<Database>, name: string): Promise<TopicRow | undefined> {
  return db.selectFrom('topics').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Variant rows, optionally for one (normalised) term, ordered by term then variant. */
export async function listVariantRows(db: Kysely<Database>, term?: string): Promise<VariantRow[]> {
  let q = db.selectFrom('variants').selectAll().orderBy('term').orderBy('variant');
  if (term !== undefined) q = q.where('term', '=', term);
  return q.execute();
}

/** One variant row by id, or undefined. */
export async function getVariantRow(db: Kysely<Database>, id: number): Promise<VariantRow | undefined> {
  return db.selectFrom('variants').selectAll().where('id', '=', id).executeTakeFirst();
}
