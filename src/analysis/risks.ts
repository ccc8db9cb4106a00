// Risk categories per item: weighted taxonomy terms found in the text give each category a score
// 1 − exp(−Σ w·(1 + ln n)) — a term found n times counts sub-linearly, many weak terms add up,
// negative context terms (演练, 宣传) pull it down — and categories at or over the threshold are reported.
import type { RiskHit } from './types.ts';
import { normalise } from '../text/normalise.ts';
import type { RiskTaxonomy } from './risk-taxonomy.ts';

interface TermRef {
  term: string;
  /** Category index and weight for each category using the term. */
  uses: { cat: number; weight: number }[];
}

export interface CompiledTaxonomy {
  taxonomy: RiskTaxonomy;
  /**
   * Terms bucketed by first UTF-16 unit: per unit, 1 + the index of its bucket in `buckets` (0: none).
   * One array read per text position (cheaper than a Map lookup), then startsWith per term in the bucket.
   */
  firstIndex: Int32Array;
  buckets: TermRef[][];
}

/** Longest text scanned: the kind of trouble is clear from an item's first pages. */
const MAX_CHARS = 10_000;

/** Prepare a taxonomy for scoring (terms folded the same way as item text). */
export function compileTaxonomy(taxonomy: RiskTaxonomy): CompiledTaxonomy {
  const refs = new Map<string, TermRef>();
  taxonomy.categories.forEach((c, cat) => {
    for (const [raw, weight] of [...Object.entries(c.terms), ...Object.entries(c.context ?? {})]) {
      const term = normalise(raw);
      let ref = refs.get(term);
      if (!ref) refs.set(term, (ref = { term, uses: [] }));
      ref.uses.push({ cat, weight });
    }
  });
  const byFirst = new Map<number, TermRef[]>();
  for (const ref of refs.values()) {
    const k = ref.term.charCodeAt(0);
    const list = byFirst.get(k);
    if (list) list.push(ref);
    else byFirst.set(k, [ref]);
  }
  const buckets = [...byFirst.values()];
  const firstIndex = new Int32Array(0x10000);
  [...byFirst.keys()].forEach((k, i) => (firstIndex[k] = i + 1));
  return { taxonomy, firstIndex, buckets };
}

/** Score every category for a normalised text; returns the reported ones, highest first. */
export function scoreRisks(compiled: CompiledTaxonomy, normText: string): RiskHit[] {
  const text = normText.length > MAX_CHARS ? normText.slice(0, MAX_CHARS) : normText;
  const counts = new Map<TermRef, number>();
  const { firstIndex, buckets } = compiled;
  for (let i = 0; i < text.length; i++) {
    const b = firstIndex[text.charCodeAt(i)]!;
    if (b === 0) continue;
    for (const ref of buckets[b - 1]!) if (text.startsWith(ref.term, i)) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const { categories, threshold } = compiled.taxonomy;
  const sums = new Array<number>(categories.length).fill(0);
  for (const [ref, n] of counts) for (const u of ref.uses) sums[u.cat]! += u.weight * (1 + Math.log(n));
  const hits: RiskHit[] = [];
  const fallback: RiskHit[] = [];
  sums.forEach((s, cat) => {
    const score = 1 - Math.exp(-Math.max(0, s));
    if (score < threshold) return;
    const hit = { category: categories[cat]!.id, score: Math.round(score * 1000) / 1000 };
    (categories[cat]!.fallback ? fallback : hits).push(hit);
  });
  const out = hits.length > 0 ? hits : fallback;
  return out.sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1));
}
