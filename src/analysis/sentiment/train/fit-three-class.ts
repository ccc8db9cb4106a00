// Fits the three-class layer: multinomial logistic regression on standardised cue vectors by
// full-batch gradient descent (deterministic), the L2 strength picked by k-fold cross-validation.
import { argmax, classProbs, type ThreeClassLayer } from '../three-class.ts';

const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3];
const FOLDS = 5;
const STEPS = 1500;
const RATE = 0.5;

/** Fit with a given L2 strength; y in {0,1,2}. */
export function fitLayer(x: readonly Float64Array[], y: readonly number[], lambda: number): ThreeClassLayer {
  const d = x[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, v) => s + v[j]!, 0) / x.length);
  const std = mean.map((m, j) => Math.sqrt(x.reduce((s, v) => s + (v[j]! - m) ** 2, 0) / x.length) || 1);
  const layer: ThreeClassLayer = { mean, std, weights: [0, 1, 2].map(() => new Array<number>(d).fill(0)), bias: [0, 0, 0] };
  for (let step = 0; step < STEPS; step++) {
    const gw = [0, 1, 2].map(() => new Array<number>(d).fill(0));
    const gb = [0, 0, 0];
    for (let i = 0; i < x.length; i++) {
      const p = classProbs(layer, x[i]!);
      for (let c = 0; c < 3; c++) {
        const g = p[c]! - (y[i] === c ? 1 : 0);
        gb[c]! += g;
        for (let j = 0; j < d; j++) gw[c]![j]! += g * ((x[i]![j]! - mean[j]!) / std[j]!);
      }
    }
    for (let c = 0; c < 3; c++) {
      layer.bias[c]! -= (RATE * gb[c]!) / x.length;
      for (let j = 0; j < d; j++) layer.weights[c]![j]! -= RATE * (gw[c]![j]! / x.length + lambda * layer.weights[c]![j]!);
    }
  }
  return layer;
}

/** Choose the L2 strength by k-fold accuracy (folds by position; ties go to the stronger penalty), then fit on all. */
export function fitLayerCv(x: readonly Float64Array[], y: readonly number[]): { layer: ThreeClassLayer; lambda: number; cvAccuracy: number } {
  let best = { lambda: LAMBDAS[LAMBDAS.length - 1]!, acc: -1 };
  for (const lambda of [...LAMBDAS].reverse()) {
    let ok = 0;
    for (let f = 0; f < FOLDS; f++) {
      const tr = x.map((_, i) => i).filter((i) => i % FOLDS !== f);
      const layer = fitLayer(tr.map((i) => x[i]!), tr.map((i) => y[i]!), lambda);
      for (let i = f; i < x.length; i += FOLDS) if (argmax(classProbs(layer, x[i]!)) === y[i]) ok++;
    }
    if (ok / x.length > best.acc) best = { lambda, acc: ok / x.length };
  }
  return { layer: fitLayer(x, y, best.lambda), lambda: best.lambda, cvAccuracy: best.acc };
}
