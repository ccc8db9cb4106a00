// Which sources a key period speeds up right now, and at what interval. Topics resolve to the sources
// whose items matched them recently, so a period "for topic X" follows where X is being discussed.
import type { AppContext } from '../../context.ts';
import { collectDb } from '../register/tables.ts';

/** How far back an item's topic hit makes its source part of a topic's key period. */
export const TOPIC_SOURCE_LOOKBACK_MS = 7 * 86_400_000;

/** Shortest key-period interval (seconds) per source, over the periods active at `now`. */
export async function keyPeriodIntervals(ctx: AppContext, now: number): Promise<Map<number, number>> {
  const db = collectDb(ctx.store.db);
  const active = await db
    .selectFrom('key_periods')
    .select(['interval_s', 'source_ids_json', 'topic_ids_json'])
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .execute();
  const out = new Map<number, number>();
  const put = (id: number, s: number) => out.set(id, Math.min(out.get(id) ?? Infinity, s));
  for (const k of active) {
    const interval = Number(k.interval_s);
    for (const id of JSON.parse(k.source_ids_json) as number[]) put(id, interval);
    const topicIds = JSON.parse(k.topic_ids_json) as number[];
    if (topicIds.length === 0) continue;
    const rows = await db
      .selectFrom('item_topics')
      .innerJoin('items', 'items.id', 'item_topics.item_id')
      .select('items.source_id')
      .distinct()
      .where('item_topics.topic_id', 'in', topicIds)
      .where('items.collected_at', '>=', now - TOPIC_SOURCE_LOOKBACK_MS)
      .where('items.source_id', 'is not', null)
      .execute();
    for (const r of rows) if (r.source_id !== null) put(r.source_id, interval);
  }
  return out;
}

/**
 * Bring forward the next check of sources inside an active key period, so a period defined (or one
 * that starts) while a source waits out a long interval takes effect now. Failing sources keep
 * their backoff.
 */
export async function pullForward(ctx: AppContext, intervals: Map<number, number>): Promise<void> {
  const db = collectDb(ctx.store.db);
  for (const [sourceId, intervalS] of intervals) {
    const st = await db.selectFrom('source_state').select(['next_check_at', 'last_check_at', 'consecutive_failures']).where('source_id', '=', sourceId).executeTakeFirst();
    if (!st || Number(st.consecutive_failures) > 0) continue;
    const due = Number(st.last_check_at ?? 0) + intervalS * 1000;
    if (Number(st.next_check_at) > due) {
      await db.updateTable('source_state').set({ next_check_at: due }).where('source_id', '=', sourceId).where('next_check_at', '>', due).execute();
    }
  }
}
