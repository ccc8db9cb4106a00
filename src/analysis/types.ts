// What analysis adds to an item: the shape shared by ingest, `yuqing analyze`, events, alerts and reports.

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** Signed score in [-1, 1]: below zero leans negative. */
  score: number;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface RegionHit {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RiskHit {
  category: string;
  score: number;
}

export interface ItemAnalysis {
  sentiment: SentimentResult;
  keywords: string[];
  regions: RegionHit[];
  risks: RiskHit[];
}

declare module '../ingest/prepared.ts' {
  interface Enrichment {
    /** Set by the analysis stage's prepare(). */
    analysis?: ItemAnalysis;
    /** Set by the near-duplicate stage's store(): the similar-group the item joined. */
    similarGroupId?: number;
    /** Set by the topics stage: ids of matched topics. */
    topicIds?: number[];
    /** Set by the events stage's batch writer (src/events/store/session.ts) when it stores the item. */
    eventId?: number;
  }
}
