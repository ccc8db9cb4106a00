// ItemFacts from the two places items come from: a batch in ingest (its enrichment) and the store
// (dry runs), so live evaluation and dry runs judge the same thing.
import type { StoredItem } from '../../ingest/prepared.ts';
import '../../analysis/types.ts';
import { getAnalysis } from '../../analysis/store.ts';
import type { ItemFacts } from '../rules/watch.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { alertsDb } from '../tables.ts';

/** Facts of an item that ingest just stored. */
export function factsOfStored(item: StoredItem): ItemFacts {
  const a = item.enrich.analysis;
  return {
    id: item.id,
    publishedAt: item.publishedAt,
    platform: item.platform,
    sourceKey: item.sourceKey,
    title: item.title,
    content: item.content,
    url: item.url,
    sentiment: a?.sentiment.label ?? null,
    sentimentScore: a?.sentiment.score ?? null,
    regions: (a?.regions ?? []).map((r) => r.code),
    risks: a?.risks ?? [],
    topicIds: item.enrich.topicIds ?? [],
    eventId: item.enrich.eventId ?? null,
    similarGroupId: item.enrich.similarGroupId ?? null,
  };
}

/** Facts of stored items published in [from, to), oldest first. */
export async function factsFromStore(store: Kysely<Database>, from: number, to: number): Promise<ItemFacts[]> {
  const db = alertsDb(store);
  const rows = await db
    .selectFrom('items as i')
    .leftJoin('event_items as e', 'e.item_id', 'i.id')
    .select(['i.id', 'i.published_at', 'i.platform', 'i.source_key', 'i.title', 'i.content', 'i.url', 'i.similar_group_id', 'e.event_id'])
    .where('i.published_at', '>=', from)
    .where('i.published_at', '<', to)
    .orderBy('i.published_at')
    .orderBy('i.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const analysis = await getAnalysis(store, ids);
  const topics = new Map<number, number[]>();
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500);
    for (const t of await db.selectFrom('item_topics').select(['item_id', 'topic_id']).where('item_id', 'in', chunk).execute()) {
      const list = topics.get(t.item_id) ?? [];
      list.push(t.topic_id);
      topics.set(t.item_id, list);
    }
  }
  return rows.map((r) => {
    const a = analysis.get(r.id);
    return {
      id: r.id,
      publishedAt: Number(r.published_at),
      platform: r.platform,
      sourceKey: r.source_key,
      title: r.title,
      content: r.content,
      url: r.url,
      sentiment: a?.sentiment.label ?? null,
      sentimentScore: a?.sentiment.score ?? null,
      regions: (a?.regions ?? []).map((x) => x.code),
      risks: a?.risks ?? [],
      topicIds: topics.get(r.id) ?? [],
      eventId: r.event_id ?? null,
      similarGroupId: r.similar_group_id,
    };
  });
}
