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
  const z = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    let s = layer.bias[c]!;
    const w = layer.weights[c]!;
    for (let j = 0; j < v.length; j++) s += w[j]! * ((v[j]! - layer.mean[j]!) / layer.std[j]!);
    z[c] = s;
  }
  const m = Math.max(z[0]!, z[1]!, z[2]!);
  const e = z.map((x) => Math.exp(x - m));
  const sum = e[0]! + e[1]! + e[2]!;
  return [e[0]! / sum, e[1]! / sum, e[2]! / sum];
}

/** Index of the largest probability. */
export function argmax(p: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}
