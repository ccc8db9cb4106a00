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

/**
 * True when every word occurs with at most `within` characters between them: some choice of one occurrence
 * per word has max(start) - min(end) <= within. Try each occurrence as the one ending first; every other word
 * then needs an occurrence ending no earlier and starting no later than that end + within.
 */
export function near(occurrences: number[][], within: number): boolean {
  for (let w = 0; w < occurrences.length; w++) {
    const anchor = occurrences[w]!;
    for (let i = 0; i < anchor.length; i += 2) {
      const end = anchor[i + 1]!;
      let all = true;
      for (let o = 0; o < occurrences.length && all; o++) {
        if (o === w) continue;
        const occ = occurrences[o]!;
        let found = false;
        for (let j = 0; j < occ.length && !found; j += 2) found = occ[j + 1]! >= end && occ[j]! <= end + within;
        all = found;
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
