// Fits the three-class layer: multinomial logistic regression on standardised cue vectors by
// full-batch gradient descent (deterministic), the L2 strength picked by k-fold cross-validation.
import { argmax, classProbs, type ThreeClassLayer } from '../three-class.ts';

const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3];
const FOLDS = 5;
const STEPS = 1500;
const RATE = 0.5;

/** Fit with a given L2 strength; y in {0,1,2}; `weight` per example (default 1). */
export function fitLayer(x: readonly Float64Array[], y: readonly number[], lambda: number, weight?: readonly number[]): ThreeClassLayer {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  const total = weight ? weight.reduce((a, b) => a + b, 0) : n;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, v) => s + v[j]!, 0) / n);
  const std = mean.map((m, j) => Math.sqrt(x.reduce((s, v) => s + (v[j]! - m) ** 2, 0) / n) || 1);
  const xs = x.map((v) => Float64Array.from(v, (t, j) => (t - mean[j]!) / std[j]!));
  const w = new Float64Array(3 * d);
  const b = new Float64Array(3);
  const gw = new Float64Array(3 * d);
  const gb = new Float64Array(3);
  const z = new Float64Array(3);
  for (let step = 0; step < STEPS; step++) {
    gw.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const v = xs[i]!;
      for (let c = 0; c < 3; c++) {
        let s = b[c]!;
        for (let j = 0; j < d; j++) s += w[c * d + j]! * v[j]!;
        z[c] = s;
      }
      const m = Math.max(z[0]!, z[1]!, z[2]!);
      let sum = 0;
      for (let c = 0; c < 3; c++) sum += (z[c] = Math.exp(z[c]! - m));
      for (let c = 0; c < 3; c++) {
        const g = (z[c]! / sum - (y[i] === c ? 1 : 0)) * (weight?.[i] ?? 1);
        gb[c]! += g;
        for (let j = 0; j < d; j++) gw[c * d + j]! += g * v[j]!;
      }
    }
    for (let c = 0; c < 3; c++) b[c]! -= (RATE * gb[c]!) / total;
    for (let k = 0; k < 3 * d; k++) w[k]! -= RATE * (gw[k]! / total + lambda * w[k]!);
  }
  return { mean, std, weights: [0, 1, 2].map((c) => Array.from(w.subarray(c * d, (c + 1) * d))), bias: Array.from(b) };
}

/**
 * Choose the L2 strength by k-fold accuracy on the examples marked `scored` (folds by position; ties go
 * to the stronger penalty), then fit on all.
 */
export function fitLayerCv(
  x: readonly Float64Array[],
  y: readonly number[],
  weight: readonly number[],
  scored: readonly boolean[],
): { layer: ThreeClassLayer; lambda: number; cvAccuracy: number } {
  let best = { lambda: LAMBDAS[LAMBDAS.length - 1]!, acc: -1 };
  const nScored = scored.filter(Boolean).length;
  for (const lambda of [...LAMBDAS].reverse()) {
    let ok = 0;
    for (let f = 0; f < FOLDS; f++) {
      const tr = x.map((_, i) => i).filter((i) => i % FOLDS !== f);
      const layer = fitLayer(tr.map((i) => x[i]!), tr.map((i) => y[i]!), lambda, tr.map((i) => weight[i]!));
      for (let i = f; i < x.length; i += FOLDS) if (scored[i] && argmax(classProbs(layer, x[i]!)) === y[i]) ok++;
    }
    if (ok / nScored > best.acc) best = { lambda, acc: ok / nScored };
  }
  return { layer: fitLayer(x, y, best.lambda, weight), lambda: best.lambda, cvAccuracy: best.acc };
}
