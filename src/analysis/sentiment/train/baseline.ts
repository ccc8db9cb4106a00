// The reference the issue sets: plain character 1–3-gram TF-IDF logistic regression trained on the
// same review data, made three-class by the best possible neutral band picked on the calibration part.
import { FNV_OFFSET, fnvStep, mix32 } from '../../../util/hash.ts';
import { prepText } from '../text-prep.ts';
import { margin, trainLogReg, type LogRegModel, type SparseRow } from './logreg.ts';
import type { SentimentLabel } from '../../types.ts';

const BITS = 20;

export interface Baseline {
  idf: Float32Array;
  lr: LogRegModel;
}

/** Hashed character 1–3-gram counts. */
function ngramCounts(text: string): Map<number, number> {
  const s = prepText(text);
  const mask = (1 << BITS) - 1;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < 3 && i + k < s.length; k++) {
      h = fnvStep(h, s.charCodeAt(i + k));
      const j = mix32(h + k) & mask;
      counts.set(j, (counts.get(j) ?? 0) + 1);
    }
  }
  return counts;
}

/** TF-IDF row, L2-normalised. */
function row(counts: Map<number, number>, idf: Float32Array): SparseRow {
  const idx = Int32Array.from(counts.keys());
  const val = Float32Array.from(idx, (j) => counts.get(j)! * idf[j]!);
  let sq = 0;
  for (const v of val) sq += v * v;
  const norm = Math.sqrt(sq) || 1;
  for (let k = 0; k < val.length; k++) val[k] = val[k]! / norm;
  return { idx, val };
}

/** Train the baseline on review texts (1 = positive). */
export function trainBaseline(texts: readonly string[], labels: readonly (0 | 1)[]): Baseline {
  const counts = texts.map(ngramCounts);
  const df = new Float32Array(1 << BITS);
  for (const c of counts) for (const j of c.keys()) df[j]! += 1;
  const idf = Float32Array.from(df, (d) => Math.log((1 + texts.length) / (1 + d)) + 1);
  const rows = counts.map((c) => row(c, idf));
  const lr = trainLogReg(rows, Uint8Array.from(labels), { dims: 1 << BITS, epochs: 10, rate: 0.2, l2: 0, seed: 1 });
  return { idf, lr };
}

/** Baseline log-odds of positive. */
export function baselineMargin(b: Baseline, text: string): number {
  return margin(b.lr, row(ngramCounts(text), b.idf));
}

/** Three-class label by a neutral band [lo, hi] on the margin. */
export function bandLabel(m: number, lo: number, hi: number): SentimentLabel {
  return m < lo ? 'negative' : m > hi ? 'positive' : 'neutral';
}

/** The band that maximises accuracy on labelled margins (exhaustive over midpoints). */
export function bestBand(margins: readonly number[], gold: readonly SentimentLabel[]): { lo: number; hi: number } {
  const sorted = [...margins].sort((a, b) => a - b);
  const cuts = [sorted[0]! - 1, ...sorted.map((m, i) => (m + (sorted[i + 1] ?? m + 2)) / 2)];
  let best = { lo: 0, hi: 0, ok: -1 };
  for (let a = 0; a < cuts.length; a++) {
    for (let b = a; b < cuts.length; b++) {
      let ok = 0;
      for (let i = 0; i < margins.length; i++) if (bandLabel(margins[i]!, cuts[a]!, cuts[b]!) === gold[i]) ok++;
      if (ok > best.ok) best = { lo: cuts[a]!, hi: cuts[b]!, ok };
    }
  }
  return { lo: best.lo, hi: best.hi };
}
