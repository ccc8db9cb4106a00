// Topic operations shared by the API and the CLI: validate the expression, write, bump the version
// counter in the same transaction so every process recompiles its matcher.
import type { AppContext } from '../context.ts';
import { YqError } from '../errors.ts';
import { parseTopic } from './parse.ts';
import type { TopicCreate, TopicUpdate } from './schemas.ts';
import { bumpTopicVersion, getTopicRow, getTopicRowByName, type TopicRow } from './store.ts';

/** The JSON form of a topic in the API and CLI. */
export interface TopicJson {
  id: number;
  name: string;
  expression: string;
  description: string;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

/** JSON form of a stored topic row. */
export function topicToJson(r: TopicRow): TopicJson {
  return {
    id: r.id,
    name: r.name,
    expression: r.expression,
    description: r.description,
    enabled: Number(r.enabled) === 1,
    created_at: new Date(Number(r.created_at)).toISOString(),
    updated_at: new Date(Number(r.updated_at)).toISOString(),
  };
}

async function assertNameFree(ctx: AppContext, name: string, selfId?: number): Promise<void> {
  const other = await getTopicRowByName(ctx.store.db, name);
  if (other && other.id !== selfId) throw new YqError('YQ_ERR_CONFLICT', `a topic named ${JSON.stringify(name)} already exists (id ${other.id})`, { details: { field: 'name' } });
}

/** Create a topic; the expression must parse (YQ_ERR_TOPIC_SYNTAX otherwise) and the name be unused. */
export async function createTopic(ctx: AppContext, input: TopicCreate): Promise<TopicJson> {
  parseTopic(input.expression);
  await assertNameFree(ctx, input.name);
  const now = ctx.clock.now();
  const row = await ctx.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('topics')
      .values({ name: input.name, expression: input.expression, description: input.description ?? '', enabled: input.enabled === false ? 0 : 1, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpTopicVersion(trx, now);
    return r;
  });
  return topicToJson(row);
}

/** Load a topic by id or throw YQ_ERR_NOT_FOUND. */
export async function requireTopic(ctx: AppContext, id: number): Promise<TopicRow> {
  const row = await getTopicRow(ctx.store.db, id);
  if (!row) throw new YqError('YQ_ERR_NOT_FOUND', `topic ${id}`);
  return row;
}

/** Find a topic by numeric id or exact name (the CLI accepts either). */
export async function resolveTopic(ctx: AppContext, ref: string): Promise<TopicRow> {
  const byName = await getTopicRowByName(ctx.store.db, ref);
  if (byName) return byName;
  if (/^\d+$/.test(ref)) return requireTopic(ctx, Number(ref));
  throw new YqError('YQ_ERR_NOT_FOUND', `topic ${JSON.stringify(ref)}`);
}

/** Change some fields of a topic. */
export async function updateTopic(ctx: AppContext, id: number, patch: TopicUpdate): Promise<TopicJson> {
  await requireTopic(ctx, id);
  if (patch.expression !== undefined) parseTopic(patch.expression);
  if (patch.name !== undefined) await assertNameFree(ctx, patch.name, id);
  const now = ctx.clock.now();
  const row = await ctx.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('topics')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.expression !== undefined ? { expression: patch.expression } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpTopicVersion(trx, now);
    return r;
  });
  return topicToJson(row);
}

/** Delete a topic and (by cascade) its item matches. */
export async function deleteTopic(ctx: AppContext, id: number): Promise<void> {
  await requireTopic(ctx, id);
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('item_topics').where('topic_id', '=', id).execute();
    await trx.deleteFrom('topics').where('id', '=', id).execute();
    await bumpTopicVersion(trx, now);
  });
}
