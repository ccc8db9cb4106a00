// The three-class layer: a multinomial logistic regression over the cue vector, fitted on the
// public-affairs calibration sentences. Classes are ordered negative, neutral, positive.
import type { SentimentLabel } from '../types.ts';

export const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface ThreeClassLayer {
  /** Per-feature mean and standard deviation used to standardise the cue vector. */
  mean: number[];
  std: number[];
  /** weights[class][feature] and bias[class]. */
  weights: number[][];
  bias: number[];
}

/** Class probabilities [negative, neutral, positive] for a cue vector. */
export function classProbs(layer: ThreeClassLayer, v: Float64Array): [number, number, number] {
  const z0 = logit(layer, 0, v);
  const z1 = logit(layer, 1, v);
  const z2 = logit(layer, 2, v);
  const m = Math.max(z0, z1, z2);
  const e0 = Math.exp(z0 - m);
  const e1 = Math.exp(z1 - m);
  const e2 = Math.exp(z2 - m);
  const sum = e0 + e1 + e2;
  return [e0 / sum, e1 / sum, e2 / sum];
}

/** Linear score of class `c` on the standardised vector. */
function logit(layer: ThreeClassLayer, c: number, v: Float64Array): number {
  const w = layer.weights[c]!;
  let s = layer.bias[c]!;
  for (let j = 0; j < v.length; j++) s += (w[j]! * (v[j]! - layer.mean[j]!)) / layer.std[j]!;
  return s;
}

/** Index of the largest probability. */
export function argmax(p: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}
