// Accuracy and macro-F1 over any label set.

export interface Scores {
  accuracy: number;
  macroF1: number;
  n: number;
}

/** Accuracy and macro-averaged F1 of `pred` against `gold` over the classes in `classes`. */
export function score<T>(gold: readonly T[], pred: readonly T[], classes: readonly T[]): Scores {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  let f1sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    f1sum += tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  }
  return { accuracy: gold.length ? ok / gold.length : 0, macroF1: f1sum / classes.length, n: gold.length };
}
