// Fits the two-class review model: hashed character n-gram presence features scaled to unit length,
// logistic regression by AdaGrad SGD.
import { featureBuckets, type FeatureSpec } from '../features.ts';
import { prepText } from '../text-prep.ts';
import { trainLogReg, type LogRegModel, type SparseRow } from './logreg.ts';

export interface ReviewFitOptions {
  spec: FeatureSpec;
  epochs: number;
  rate: number;
  seed: number;
}

export const REVIEW_FIT: ReviewFitOptions = {
  spec: { bits: 20, charN: 4 },
  epochs: 5,
  rate: 0.2,
  seed: 20261127,
};

/** One training row: each distinct n-gram weighted 1/sqrt(n-grams), as reviewMargin() scores it. */
export function presenceRow(buckets: Int32Array): SparseRow {
  return { idx: buckets.slice(), val: new Float32Array(buckets.length).fill(buckets.length ? 1 / Math.sqrt(buckets.length) : 0) };
}

/** Train on texts with labels 1 = positive, 0 = negative. */
export function fitReview(texts: readonly string[], labels: readonly (0 | 1)[], o: ReviewFitOptions = REVIEW_FIT): LogRegModel {
  const rows = texts.map((t) => presenceRow(featureBuckets(prepText(t), o.spec)));
  return trainLogReg(rows, Uint8Array.from(labels), { dims: 1 << o.spec.bits, epochs: o.epochs, rate: o.rate, l2: 0, seed: o.seed });
}
