// The 'events' ingest stage: prepare() turns each item's text into clustering tokens (CPU, outside the
// transaction; the analysis stage's keywords are added when it ran); a batch session (openBatch) assigns
// each item to an event inside the batch transaction, records item.enrich.eventId at once, and writes
// the events it changed once, when the pipeline flushes it before commit.
import type { IngestStage } from '../ingest/stage.ts';
import type { PreparedItem, StoredItem } from '../ingest/prepared.ts';
import type { AppContext } from '../context.ts';
import type { ItemAnalysis } from '../analysis/types.ts';
import { tokenize, withKeywords, type Bag } from './cluster/tokens.ts';
import { lookupTokens, titleWorthy } from './cluster/features.ts';
import type { TokenInfo } from './cluster/token-info.ts';
import { DEFAULT_PARAMS } from './cluster/params.ts';
import { itemHeatWeight } from './heat.ts';
import { assignItem } from './store/assign.ts';
import { EventSession, sessionWriter, type BatchOutline } from './store/session.ts';
import { eventDb } from './store/tables.ts';
import type { EventItemData } from './store/item-data.ts';

export interface EventFeatures {
  bag: Bag;
  /** The bag's token information, in the bag's order. */
  infos: TokenInfo[];
  lookup: string[];
  titleWorthy: boolean;
  /** The batch prepared together (shared by its items). */
  batch?: BatchOutline;
}

declare module '../ingest/prepared.ts' {
  interface Enrichment {
    /** Clustering tokens, set by the events stage's prepare(). */
    eventFeatures?: EventFeatures;
    /** Set by the events stage's batch session when it stores the item. */
    eventId?: number;
  }
}

/** Analysis results when the analysis stage ran (it may not be registered). */
function analysisOf(item: PreparedItem): ItemAnalysis | undefined {
  return item.enrich.analysis;
}

/** Clustering features of one item. */
export function eventFeatures(item: PreparedItem): EventFeatures {
  const infos: TokenInfo[] = [];
  const bag = withKeywords(tokenize(item.norm, { normalised: true }, infos), analysisOf(item)?.keywords, infos);
  return { bag, infos, lookup: lookupTokens(bag, undefined, infos), titleWorthy: titleWorthy(item.norm, bag) };
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
    infos: f.infos,
    lookup: f.lookup,
    titleWorthy: f.titleWorthy,
    similarGroupId: item.enrich.similarGroupId ?? null,
    sentiment: a?.sentiment.label ?? null,
    regions: (a?.regions ?? []).map((r) => ({ code: r.code, name: r.name, level: r.level })),
    batch: f.batch,
  };
}

export const eventsStage: IngestStage = {
  name: 'events',
  prepare(_ctx: AppContext, items: PreparedItem[]): void {
    const batch: BatchOutline = { terms: new Set(), lookups: new Set(), externalIds: new Set(), minT: Infinity, maxT: -Infinity };
    for (const it of items) {
      const f = eventFeatures(it);
      f.batch = batch;
      it.enrich.eventFeatures = f;
      for (const w of f.bag.keys()) batch.terms.add(w);
      for (const w of f.lookup) batch.lookups.add(w);
      if (it.externalId !== null) batch.externalIds.add(it.externalId);
      if (it.publishedAt < batch.minT) batch.minT = it.publishedAt;
      if (it.publishedAt > batch.maxT) batch.maxT = it.publishedAt;
    }
  },
  openBatch(ctx, trx) {
    const session = new EventSession(eventDb(trx), ctx.store, DEFAULT_PARAMS, ctx.clock.now());
    return sessionWriter(session, (s, item) => assignItem(s, eventItemData(item)));
  },
};
