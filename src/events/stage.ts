// The 'events' ingest stage: prepare() turns each item's text into clustering tokens (CPU, outside the
// transaction; the analysis stage's keywords are added when it ran); store() assigns the item to an event
// inside the batch transaction and records item.enrich.eventId.
import type { IngestStage } from '../ingest/stage.ts';
import type { PreparedItem, StoredItem } from '../ingest/prepared.ts';
import type { AppContext } from '../context.ts';
import type { ItemAnalysis } from '../analysis/types.ts';
import { tokenize, withKeywords, type Bag } from './cluster/tokens.ts';
import { lookupTokens, titleWorthy } from './cluster/features.ts';
import { DEFAULT_PARAMS } from './cluster/params.ts';
import { itemHeatWeight } from './heat.ts';
import { assignItem } from './store/assign.ts';
import { eventDb } from './store/tables.ts';
import type { EventItemData } from './store/item-data.ts';

export interface EventFeatures {
  bag: Bag;
  lookup: string[];
  titleWorthy: boolean;
}

declare module '../ingest/prepared.ts' {
  interface Enrichment {
    /** Clustering tokens, set by the events stage's prepare(). */
    eventFeatures?: EventFeatures;
    /** Set by the events stage's store(). */
    eventId?: number;
  }
}

/** Analysis results when the analysis stage ran (it may not be registered). */
function analysisOf(item: PreparedItem): ItemAnalysis | undefined {
  return item.enrich.analysis;
}

/** Clustering features of one item. */
export function eventFeatures(item: PreparedItem): EventFeatures {
  const bag = withKeywords(tokenize(item.norm, { normalised: true }), analysisOf(item)?.keywords);
  return { bag, lookup: lookupTokens(bag), titleWorthy: titleWorthy(item.norm, bag) };
}

/** What the stored clusterer needs of a stored item. */
export function eventItemData(item: StoredItem): EventItemData {
  const f = item.enrich.eventFeatures ?? eventFeatures(item);
  const a = analysisOf(item);
  return {
    id: item.id,
    externalId: item.externalId,
    parentExternalId: item.parentExternalId,
    publishedAt: item.publishedAt,
    sourceKey: item.sourceKey,
    platform: item.platform,
    weight: itemHeatWeight(item.platform, item.metrics),
    reposts: item.metrics.reposts ?? 0,
    comments: item.metrics.comments ?? 0,
    title: item.title,
    content: item.content,
    bag: f.bag,
    lookup: f.lookup,
    titleWorthy: f.titleWorthy,
    similarGroupId: item.enrich.similarGroupId ?? null,
    sentiment: a?.sentiment.label ?? null,
    regions: (a?.regions ?? []).map((r) => ({ code: r.code, name: r.name, level: r.level })),
  };
}

export const eventsStage: IngestStage = {
  name: 'events',
  prepare(_ctx: AppContext, items: PreparedItem[]): void {
    for (const it of items) it.enrich.eventFeatures = eventFeatures(it);
  },
  async store(ctx, trx, item) {
    item.enrich.eventId = await assignItem(eventDb(trx), ctx.store, eventItemData(item), DEFAULT_PARAMS, ctx.clock.now());
  },
};
