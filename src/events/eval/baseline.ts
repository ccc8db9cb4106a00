// The baseline the issue names for text-only clustering: single-pass TF-IDF cosine against cluster
// centroids, text alone (no time), threshold 0.3. Printed beside our figure so the gap is visible.
import { centroidCosine, emptyState } from '../cluster/state.ts';
import { tokenize } from '../cluster/tokens.ts';
import type { EventState } from '../cluster/types.ts';

const THRESHOLD = 0.3;

/** Cluster texts in the given order by idf-weighted cosine to centroids alone; returns a label per text. */
export function tfidfSinglePass(texts: readonly string[]): number[] {
  const centroids: EventState[] = [];
  return texts.map((text, i) => {
    const bag = tokenize(text);
    let best = -1;
    let bestSim = THRESHOLD;
    centroids.forEach((ev, k) => {
      const s = centroidCosine(ev, bag);
      if (s >= bestSim) {
        bestSim = s;
        best = k;
      }
    });
    if (best < 0) {
      centroids.push(emptyState(i, 0, i));
      best = centroids.length - 1;
    }
    const ev = centroids[best]!;
    for (const [w, n] of bag) ev.terms.set(w, (ev.terms.get(w) ?? 0) + n);
    return best;
  });
}
