// The shape an item takes between validation and storage. Stages add what they compute to
// `Enrichment`; a module extends it by declaration merging, so no stage edits another's file:
//   declare module '../ingest/prepared.ts' { interface Enrichment { simhash?: bigint } }
import type { ItemParsed, Metrics, Platform } from './item-schema.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Enrichment {}

export interface PreparedItem {
  /** Position in the submitted batch, for per-line results. */
  index: number;
  input: ItemParsed;
  raw: unknown;
  sourceId: number | null;
  sourceKey: string | null;
  externalId: string | null;
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  content: string;
  author: string | null;
  platform: Platform;
  publishedAt: number;
  collectedAt: number;
  parentExternalId: string | null;
  metrics: Metrics;
  /** SHA-256 of the normalised title + content, hex. */
  contentHash: string;
  /** Title and content folded for matching (Simplified, half-width, lower case); same length as `title + '\n' + content`. */
  norm: string;
  enrich: Enrichment;
}

/** A prepared item after its row was inserted. */
export interface StoredItem extends PreparedItem {
  id: number;
}
