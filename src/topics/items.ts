// The items a topic matched, newest first, with cursor pagination (published_at, id).
import type { AppContext } from '../context.ts';
import { YqError } from '../errors.ts';
import type { ItemJson } from '../ingest/item-schema.ts';
import { itemToJson } from '../store/items.ts';
import { requireTopic } from './service.ts';

export interface TopicItemsPage {
  total: number;
  items: ItemJson[];
  next_cursor: string | null;
}

function encodeCursor(publishedAt: number, id: number): string {
  return Buffer.from(`${publishedAt}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { publishedAt: number; id: number } {
  const m = /^(-?\d+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new YqError('YQ_ERR_BAD_CURSOR', `cursor ${JSON.stringify(cursor.slice(0, 40))} was not issued by this API`, { details: { field: 'cursor' } });
  return { publishedAt: Number(m[1]), id: Number(m[2]) };
}

/** One page of a topic's matched items, newest published first; pass next_cursor back for the next page. */
export async function topicItems(ctx: AppContext, topicId: number, opts: { limit: number; cursor?: string | undefined }): Promise<TopicItemsPage> {
  await requireTopic(ctx, topicId);
  const db = ctx.store.db;
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  let q = db
    .selectFrom('item_topics')
    .innerJoin('items', 'items.id', 'item_topics.item_id')
    .selectAll('items')
    .where('item_topics.topic_id', '=', topicId)
    .orderBy('items.published_at', 'desc')
    .orderBy('items.id', 'desc')
    .limit(opts.limit + 1);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('items.published_at', '<', after.publishedAt),
        eb.and([eb('items.published_at', '=', after.publishedAt), eb('items.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q.execute();
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  const last = page[page.length - 1];
  const { n } = await db.selectFrom('item_topics').select((eb) => eb.fn.countAll<number>().as('n')).where('topic_id', '=', topicId).executeTakeFirstOrThrow();
  return { total: Number(n), items: page.map(itemToJson), next_cursor: more && last ? encodeCursor(Number(last.published_at), last.id) : null };
}
