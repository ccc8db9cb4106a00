// The whole per-item analysis (sentiment, keywords, regions, risks), shared by the ingest stage and
// `yuqing analyze`. Tables (gazetteer, taxonomy) are loaded once per process and reloaded when their
// files change, so an import or a new taxonomy made by another process is picked up.
import fs from 'node:fs';
import type { Config } from '../config.ts';
import { normalise } from '../text/normalise.ts';
import { classifySentiment } from './sentiment/index.ts';
import { cutWords, keywordsFromWords } from './keywords.ts';
import { getRegionIndex } from './regions/gazetteer.ts';
import { resolveRegions } from './regions/resolve.ts';
import type { RegionIndex } from './regions/region-index.ts';
import { compileTaxonomy, scoreRisks, type CompiledTaxonomy } from './risks.ts';
import { loadTaxonomy, taxonomyPath } from './risk-taxonomy.ts';
import type { ItemAnalysis } from './types.ts';

export type AnalyzerConfig = Pick<Config, 'dataDir' | 'jurisdiction' | 'riskTaxonomy'>;

export interface AnalyzeInput {
  title: string;
  content: string;
  /** `normalise(title + '\n' + content)` when the caller already has it (ingest does). */
  norm?: string;
}

export interface Analyzer {
  regionIndex: RegionIndex;
  analyze(input: AnalyzeInput): ItemAnalysis;
}

/** Keywords kept per item. */
export const KEYWORDS_PER_ITEM = 8;

// Platform boilerplate that a bare repost carries instead of text (sticky: matched at one position).
const REPOST_NOISE_AT = /转发微博|轉發微博|repost|\/\/@[^:：\s]*[:：]?|[\s\p{P}\p{S}]/iuy;

let taxonomyCache: { file: string; stamp: string; compiled: CompiledTaxonomy } | null = null;

function currentTaxonomy(config: AnalyzerConfig | null): CompiledTaxonomy {
  const file = taxonomyPath(config);
  const st = fs.statSync(file, { throwIfNoEntry: false });
  const stamp = st ? `${st.mtimeMs}:${st.size}` : 'missing';
  if (taxonomyCache && taxonomyCache.file === file && taxonomyCache.stamp === stamp) return taxonomyCache.compiled;
  const compiled = compileTaxonomy(loadTaxonomy(file));
  taxonomyCache = { file, stamp, compiled };
  return compiled;
}

/** True when an item says nothing of its own (a bare repost): it gets neutral sentiment and nothing else. */
export function isEmptyText(title: string, content: string): boolean {
  // Noise matched back to back from the start to the end, which is when deleting every match leaves
  // nothing; most texts fail at the first character instead of being copied without their punctuation.
  const text = `${title}${content}`;
  for (let i = 0; i < text.length; i = REPOST_NOISE_AT.lastIndex) {
    REPOST_NOISE_AT.lastIndex = i;
    if (!REPOST_NOISE_AT.test(text)) return false;
  }
  return true;
}

export interface AnalyzerOptions {
  /**
   * Called when the data folder's gazetteer or taxonomy cannot be loaded; the shipped one is used
   * instead. Without it the error is thrown (the CLI fails; ingest must not lose items over it).
   */
  onTableError?: (err: unknown, table: 'gazetteer' | 'risk-taxonomy') => void;
}

function orFallback<T>(load: () => T, fallback: () => T, table: 'gazetteer' | 'risk-taxonomy', opts: AnalyzerOptions): T {
  if (!opts.onTableError) return load();
  try {
    return load();
  } catch (err) {
    opts.onTableError(err, table);
    return fallback();
  }
}

/** An analyzer with the gazetteer and taxonomy currently in force for `config` (null: shipped defaults). */
export function createAnalyzer(config: AnalyzerConfig | null, opts: AnalyzerOptions = {}): Analyzer {
  const regionIndex = orFallback(() => getRegionIndex(config?.dataDir ?? null), () => getRegionIndex(null), 'gazetteer', opts);
  const taxonomy = orFallback(() => currentTaxonomy(config), () => currentTaxonomy(null), 'risk-taxonomy', opts);
  const jurisdiction = config?.jurisdiction ?? [];
  return {
    regionIndex,
    analyze({ title, content, norm }) {
      if (isEmptyText(title, content)) return { sentiment: { label: 'neutral', score: 0 }, keywords: [], regions: [], risks: [] };
      // Same layout as PreparedItem.norm, so word offsets from the raw text line up with the folded text.
      const text = `${title}\n${content}`;
      const folded = norm ?? normalise(text);
      const words = cutWords(text); // one jieba pass serves keywords and the region word check
      return {
        sentiment: classifySentiment(title ? text : content),
        keywords: keywordsFromWords(words, title.length, KEYWORDS_PER_ITEM),
        regions: resolveRegions(regionIndex, folded, { jurisdiction, words }),
        risks: scoreRisks(taxonomy, folded),
      };
    },
  };
}
