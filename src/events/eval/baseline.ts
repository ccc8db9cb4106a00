// The baseline the issue names for text-only clustering: single-pass TF-IDF cosine against cluster
// centroids, text alone (no time), threshold 0.3. Printed beside our figure so the gap is visible.
import { idf } from '../cluster/state.ts';
import { tokenize } from '../cluster/tokens.ts';

const THRESHOLD = 0.3;

interface Centroid {
  weights: Map<string, number>;
  normSq: number;
}

/** Cluster texts in the given order by idf-weighted cosine to centroids alone; returns a label per text. */
export function tfidfSinglePass(texts: readonly string[]): number[] {
  const centroids: Centroid[] = [];
  const postings = new Map<string, Set<number>>();
  return texts.map((text) => {
    const vec = new Map([...tokenize(text)].map(([w, c]) => [w, c * idf(w)]));
    let norm = 0;
    for (const v of vec.values()) norm += v * v;
    const dots = new Map<number, number>();
    for (const [w, v] of vec) for (const k of postings.get(w) ?? []) dots.set(k, (dots.get(k) ?? 0) + v * centroids[k]!.weights.get(w)!);
    let best = -1;
    let bestSim = THRESHOLD;
    for (const [k, dot] of dots) {
      const s = dot / Math.sqrt(norm * centroids[k]!.normSq);
      if (s >= bestSim) {
        bestSim = s;
        best = k;
      }
    }
    if (best < 0) {
      centroids.push({ weights: new Map(), normSq: 0 });
      best = centroids.length - 1;
    }
    const c = centroids[best]!;
    for (const [w, v] of vec) {
      const old = c.weights.get(w) ?? 0;
      c.weights.set(w, old + v);
      c.normSq += (old + v) ** 2 - old ** 2;
      let set = postings.get(w);
      if (!set) postings.set(w, (set = new Set()));
      set.add(best);
    }
    return best;
  });
}
