// Key period queries: CRUD and the JSON form. The scheduler reads them from the database on each
// tick, so a period defined here takes effect without a restart.
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { collectDb, type KeyPeriodsTable } from '../register/tables.ts';
import type { KeyPeriodCreate, KeyPeriodJson, KeyPeriodUpdate } from './schema.ts';

export type KeyPeriodRow = Selectable<KeyPeriodsTable>;

/** The JSON form of a key period at the given instant. */
export function keyPeriodToJson(r: KeyPeriodRow, now: number): KeyPeriodJson {
  return {
    id: r.id,
    name: r.name,
    starts_at: new Date(Number(r.starts_at)).toISOString(),
    ends_at: new Date(Number(r.ends_at)).toISOString(),
    interval_s: Number(r.interval_s),
    source_ids: JSON.parse(r.source_ids_json) as number[],
    topic_ids: JSON.parse(r.topic_ids_json) as number[],
    note: r.note,
    active: Number(r.starts_at) <= now && now < Number(r.ends_at),
  };
}

async function checkRefs(ctx: AppContext, sourceIds: number[] | undefined, topicIds: number[] | undefined): Promise<void> {
  const db = collectDb(ctx.store.db);
  if (sourceIds?.length) {
    const found = new Set((await db.selectFrom('sources').select('id').where('id', 'in', sourceIds).execute()).map((r) => r.id));
    const missing = sourceIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new YqError('YQ_ERR_VALIDATION', `source_ids: no source ${missing}`, { details: { field: 'source_ids' } });
  }
  if (topicIds?.length) {
    const found = new Set((await db.selectFrom('topics').select('id').where('id', 'in', topicIds).execute()).map((r) => r.id));
    const missing = topicIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new YqError('YQ_ERR_VALIDATION', `topic_ids: no topic ${missing}`, { details: { field: 'topic_ids' } });
  }
}

async function checkName(ctx: AppContext, name: string, exceptId?: number): Promise<void> {
  let q = collectDb(ctx.store.db).selectFrom('key_periods').select('id').where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new YqError('YQ_ERR_CONFLICT', `name: a key period named ${JSON.stringify(name)} exists`, { details: { field: 'name' } });
}

/** Define a key period. */
export async function createKeyPeriod(ctx: AppContext, k: KeyPeriodCreate): Promise<KeyPeriodRow> {
  await checkRefs(ctx, k.source_ids, k.topic_ids);
  await checkName(ctx, k.name);
  const now = ctx.clock.now();
  return collectDb(ctx.store.db)
    .insertInto('key_periods')
    .values({
      name: k.name, starts_at: k.starts_at, ends_at: k.ends_at, interval_s: k.interval_s,
      source_ids_json: JSON.stringify(k.source_ids), topic_ids_json: JSON.stringify(k.topic_ids), note: k.note,
      created_at: now, updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One key period, or YQ_ERR_NOT_FOUND. */
export async function getKeyPeriod(ctx: AppContext, id: number): Promise<KeyPeriodRow> {
  const r = await collectDb(ctx.store.db).selectFrom('key_periods').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new YqError('YQ_ERR_NOT_FOUND', `key period ${id}`);
  return r;
}

/** All key periods, newest start first. */
export async function listKeyPeriods(ctx: AppContext): Promise<KeyPeriodRow[]> {
  return collectDb(ctx.store.db).selectFrom('key_periods').selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
}

/** Change a key period. */
export async function updateKeyPeriod(ctx: AppContext, id: number, u: KeyPeriodUpdate): Promise<KeyPeriodRow> {
  const cur = await getKeyPeriod(ctx, id);
  await checkRefs(ctx, u.source_ids, u.topic_ids);
  if (u.name) await checkName(ctx, u.name, id);
  const startsAt = u.starts_at ?? Number(cur.starts_at);
  const endsAt = u.ends_at ?? Number(cur.ends_at);
  if (endsAt <= startsAt) throw new YqError('YQ_ERR_VALIDATION', 'ends_at: must be after starts_at', { details: { field: 'ends_at' } });
  const { source_ids, topic_ids, ...plain } = u;
  return collectDb(ctx.store.db)
    .updateTable('key_periods')
    .set({
      ...plain,
      ...(source_ids ? { source_ids_json: JSON.stringify(source_ids) } : {}),
      ...(topic_ids ? { topic_ids_json: JSON.stringify(topic_ids) } : {}),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Remove a key period. */
export async function deleteKeyPeriod(ctx: AppContext, id: number): Promise<void> {
  await getKeyPeriod(ctx, id);
  await collectDb(ctx.store.db).deleteFrom('key_periods').where('id', '=', id).execute();
}
