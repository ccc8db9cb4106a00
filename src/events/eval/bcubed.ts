// BCubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin; Amigó et al. 2009):
// per item, the share of its cluster that shares its label, and the share of its label that shares its cluster.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** BCubed scores of `predicted` against `gold` (same length, one label per item). */
export function bcubed(gold: readonly (string | number)[], predicted: readonly (string | number)[]): BCubed {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const n = gold.length;
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  const pair = new Map<string, number>();
  const goldSize = new Map<string | number, number>();
  const predSize = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    const k = `${String(g)}\u0000${String(p)}`;
    pair.set(k, (pair.get(k) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    const both = pair.get(`${String(g)}\u0000${String(p)}`)!;
    precision += both / predSize.get(p)!;
    recall += both / goldSize.get(g)!;
  }
  precision /= n;
  recall /= n;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
