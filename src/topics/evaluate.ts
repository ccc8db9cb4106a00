// Evaluates a compiled topic tree against the term hits found in one text.

/** A topic tree whose leaves are indexes into the matcher's term table. */
export type CompiledNode =
  | { k: 'term'; t: number }
  | { k: 'near'; ts: number[]; within: number }
  | { k: 'or'; c: CompiledNode[] }
  | { k: 'and'; c: CompiledNode[] }
  | { k: 'not'; a: CompiledNode; b: CompiledNode };

/** Occurrences per term index, as flat [start0, end0, start1, end1, ...] UTF-16 offsets. */
export type HitMap = Map<number, number[]>;

/** Index (even) of the first occurrence whose end is >= `end`; lists are sorted by end (scan order). */
function firstEndingFrom(occ: number[], end: number): number {
  let lo = 0;
  let hi = occ.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occ[mid * 2 + 1]! < end) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

/** Does `occ` hold an occurrence ending at or after `end` and starting at or before `end + within`? */
function hasNear(occ: number[], end: number, within: number, maxLen: number): boolean {
  for (let j = firstEndingFrom(occ, end); j < occ.length; j += 2) {
    if (occ[j]! <= end + within) return true;
    // Ends only grow and no occurrence is longer than maxLen, so later starts are all too late.
    if (occ[j + 1]! - maxLen > end + within) return false;
  }
  return false;
}

/**
 * True when every word occurs with at most `within` characters between them: some choice of one occurrence
 * per word has max(start) - min(end) <= within. Try each occurrence as the one ending first; every other word
 * then needs an occurrence ending no earlier and starting no later than that end + within. Occurrence lists
 * are sorted by end, so each check is a binary search plus a short walk, even on long texts.
 */
export function near(occurrences: number[][], within: number): boolean {
  const maxLens = occurrences.map((occ) => {
    let m = 0;
    for (let j = 0; j < occ.length; j += 2) m = Math.max(m, occ[j + 1]! - occ[j]!);
    return m;
  });
  for (let w = 0; w < occurrences.length; w++) {
    const anchor = occurrences[w]!;
    for (let i = 0; i < anchor.length; i += 2) {
      const end = anchor[i + 1]!;
      let all = true;
      for (let o = 0; o < occurrences.length && all; o++) {
        if (o !== w) all = hasNear(occurrences[o]!, end, within, maxLens[o]!);
      }
      if (all) return true;
    }
  }
  return false;
}

/** Evaluate a compiled tree given which terms occurred (and where). */
export function evaluate(node: CompiledNode, hits: HitMap): boolean {
  switch (node.k) {
    case 'term':
      return hits.has(node.t);
    case 'near': {
      const occ: number[][] = [];
      for (const t of node.ts) {
        const o = hits.get(t);
        if (!o) return false;
        occ.push(o);
      }
      return near(occ, node.within);
    }
    case 'or':
      for (const c of node.c) if (evaluate(c, hits)) return true;
      return false;
    case 'and':
      for (const c of node.c) if (!evaluate(c, hits)) return false;
      return true;
    case 'not':
      return evaluate(node.a, hits) && !evaluate(node.b, hits);
  }
}
