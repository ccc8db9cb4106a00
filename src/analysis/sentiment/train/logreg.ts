import { prng as rng } from '../../../util/prng.ts';
// Binary logistic regression on sparse rows, trained by AdaGrad SGD with a seeded shuffle
// (deterministic: the same rows, options and seed give the same weights, bit for bit).

export interface SparseRow {
  idx: Int32Array;
  val: Float32Array;
}

export interface LogRegOptions {
  dims: number;
  epochs: number;
  /** AdaGrad base step. */
  rate: number;
  /** L2 penalty per update, applied to the features a row touches. */
  l2: number;
  seed: number;
  /** Weight of each example, e.g. to balance sets or classes; defaults to 1. */
  weights?: Float32Array;
  /** Return the mean of the weights at the end of each epoch (smoother than the last iterate). */
  average?: boolean;
}

export interface LogRegModel {
  w: Float32Array;
  bias: number;
}

export { rng };

/** Logistic sigmoid, clipped against overflow. */
export function sigmoid(z: number): number {
  if (z < -35) z = -35;
  if (z > 35) z = 35;
  return 1 / (1 + Math.exp(-z));
}

/** Dot product of a sparse row with dense weights plus bias. */
export function margin(m: LogRegModel, r: SparseRow): number {
  let z = m.bias;
  for (let k = 0; k < r.idx.length; k++) z += m.w[r.idx[k]!]! * r.val[k]!;
  return z;
}

/** Train on rows with labels 0/1. */
export function trainLogReg(rows: SparseRow[], y: Uint8Array, o: LogRegOptions): LogRegModel {
  const w = new Float32Array(o.dims);
  const g2 = new Float32Array(o.dims).fill(1e-8);
  let bias = 0;
  let gb2 = 1e-8;
  const order = Array.from(rows.keys());
  const rand = rng(o.seed);
  const sum = o.average ? new Float64Array(o.dims) : null;
  let sumBias = 0;
  for (let e = 0; e < o.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const r = rows[i]!;
      const g = (sigmoid(margin({ w, bias }, r)) - y[i]!) * (o.weights?.[i] ?? 1);
      for (let k = 0; k < r.idx.length; k++) {
        const j = r.idx[k]!;
        const gj = g * r.val[k]! + o.l2 * w[j]!;
        g2[j] = g2[j]! + gj * gj;
        w[j] = w[j]! - (o.rate * gj) / Math.sqrt(g2[j]!);
      }
      gb2 += g * g;
      bias -= (o.rate * g) / Math.sqrt(gb2);
    }
    if (sum) {
      for (let j = 0; j < o.dims; j++) sum[j]! += w[j]!;
      sumBias += bias;
    }
  }
  if (!sum) return { w, bias };
  return { w: Float32Array.from(sum, (x) => x / o.epochs), bias: sumBias / o.epochs };
}
