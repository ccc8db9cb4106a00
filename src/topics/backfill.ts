// Re-match stored items against one topic (after it was created or edited): items published in the
// last N days are scanned in id order, batch by batch, each batch in its own transaction so a long run
// never holds the write lock for long and ingest keeps flowing between batches.
import type { AppContext } from '../context.ts';
import { normalise } from '../text/normalise.ts';
import { TopicMatcher } from './matcher.ts';
import { parseTopic } from './parse.ts';
import { loadVariantPairs } from './registry.ts';
import { requireTopic } from './service.ts';

export interface BackfillOptions {
  days: number;
  batchSize?: number;
  /** Called after each batch with items done and the total to do. */
  onProgress?: (done: number, total: number) => void;
}

export interface BackfillResult {
  topic_id: number;
  scanned: number;
  matched: number;
  added: number;
  removed: number;
}

/** Re-match items of the last `days` days against topic `id`, adding and removing its item_topics rows. */
export async function backfillTopic(ctx: AppContext, id: number, opts: BackfillOptions): Promise<BackfillResult> {
  const topic = await requireTopic(ctx, id);
  const tree = parseTopic(topic.expression);
  const matcher = TopicMatcher.compile([{ id, expression: topic.expression }], await loadVariantPairs(ctx.store.db), new Map([[id, tree]]));
  const since = ctx.clock.now() - opts.days * 86_400_000;
  const batchSize = opts.batchSize ?? 500;
  const db = ctx.store.db;
  const { n } = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('published_at', '>=', since).executeTakeFirstOrThrow();
  const total = Number(n);
  const result: BackfillResult = { topic_id: id, scanned: 0, matched: 0, added: 0, removed: 0 };
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'title', 'content'])
      .where('published_at', '>=', since)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const hit: number[] = [];
    const miss: number[] = [];
    for (const r of rows) (matcher.match(normalise(`${r.title}\n${r.content}`)).length > 0 ? hit : miss).push(r.id);
    await db.transaction().execute(async (trx) => {
      if (miss.length) {
        const del = await trx.deleteFrom('item_topics').where('topic_id', '=', id).where('item_id', 'in', miss).executeTakeFirst();
        result.removed += Number(del.numDeletedRows);
      }
      if (hit.length) {
        const ins = await trx
          .insertInto('item_topics')
          .values(hit.map((item_id) => ({ item_id, topic_id: id })))
          .onConflict((oc) => oc.columns(['item_id', 'topic_id']).doNothing())
          .executeTakeFirst();
        result.added += Number(ins.numInsertedOrUpdatedRows ?? 0);
      }
    });
    result.scanned += rows.length;
    result.matched += hit.length;
    opts.onProgress?.(result.scanned, Math.max(total, result.scanned));
  }
  return result;
}
