// Hashed sparse features of a text, as presence features (a repeated n-gram counts once):
// - character 1–n-grams of the prepared text;
// - negation-scoped character 1–3-grams: those starting within NEG_SCOPE characters after a negator
//   character (不 没 无 别 未 非) in the same clause get a second, marked copy, so 不满意 can weigh
//   against 满意 without the model having to learn every negated phrase as its own 3- or 4-gram.
// Measured by 5-fold cross-validation on the training reviews (see MODEL.md): 2^22 buckets instead of
// 2^20 +0.45 points, the negation copies +0.15. jieba word unigrams and bigrams added +0.2 more but
// segmentation alone costs more than everything else per text (classification 2.3× slower), so they are
// left out; character 5-grams, skip-bigrams, 2^23 buckets and marking the text after 但是/不过 moved nothing.
import { FNV_OFFSET, fnvStep } from '../../util/hash.ts';

export interface FeatureSpec {
  /** Number of hash buckets is 2^bits. */
  bits: number;
  /** Longest character n-gram. */
  charN: number;
  /** Add marked copies of the 1–3-grams in a negator's scope. */
  negation?: boolean;
}

/** Fibonacci hashing: the top bits of h × 2^32/φ index the table (one multiply, well mixed). */
const FIB = 0x9e3779b1;
/** A distinct starting hash keeps the marked copies apart from the plain n-grams. */
const NEG_SEED = 0x9e3779b9;
/** Characters after a negator whose n-grams are marked (没有 给我们 满意 is in scope). */
const NEG_SCOPE = 4;
/** Longest marked n-gram. */
const NEG_N = 3;

/** A flag per UTF-16 code unit, 1 for the characters of `chars` (a table lookup instead of a Set's hashing, per character scanned). */
function codeFlags(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
const NEGATORS = codeFlags('不没无别未非');
/** Punctuation, spaces and contrastive words end a negation's scope. */
const BREAKS = codeFlags('，,。.！!？?；;：:、~～…\n 但却而');
const YOU = '有'.charCodeAt(0);
const MEI = '没'.charCodeAt(0);

let scratch = new Int32Array(4096);
/** A small open-addressing set (keys stamped with a generation), sized to the text so it stays in cache. */
let setKeys = new Int32Array(8192);
let setGens = new Uint32Array(8192);
let generation = 0;

/**
 * Unique bucket indices of `prepared` (output of prepText), in first-seen order: features are
 * presence, not counts. The returned view is reused by the next call: copy it to keep it.
 */
export function featureBuckets(prepared: string, spec: FeatureSpec): Int32Array {
  const shift = 32 - spec.bits;
  const n = prepared.length;
  // Distinct features are at most charN plain and NEG_N marked n-grams per start position (a marked
  // n-gram's hash depends only on its characters, however many negators cover it), so the set never fills.
  const need = n * (spec.charN + (spec.negation ? NEG_N : 0));
  if (scratch.length < need) scratch = new Int32Array(need * 2);
  if (setKeys.length < need * 2) {
    setKeys = new Int32Array(1 << Math.ceil(Math.log2(need * 2)));
    setGens = new Uint32Array(setKeys.length);
    generation = 0;
  }
  if (++generation === 0xffffffff) {
    setGens.fill(0);
    generation = 1;
  }
  const out = scratch;
  const keys = setKeys;
  const gens = setGens;
  const gen = generation;
  const slotMask = keys.length - 1;
  let m = 0;
  // The set insert is written out in both loops (not a closure): a closure that updates `m` kept it in
  // a heap context and cost a quarter of this function's time. Insert: the bucket of hash h unless present.
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    const top = Math.min(spec.charN, n - i);
    for (let k = 0; k < top; k++) {
      h = fnvStep(h, prepared.charCodeAt(i + k));
      const j = Math.imul(h, FIB) >>> shift;
      let slot = j & slotMask; // j is already well mixed
      while (gens[slot] === gen && keys[slot] !== j) slot = (slot + 1) & slotMask;
      if (gens[slot] === gen) continue;
      gens[slot] = gen;
      keys[slot] = j;
      out[m++] = j;
    }
  }
  if (spec.negation) {
    for (let i = 0; i < n; i++) {
      const c = prepared.charCodeAt(i);
      if (NEGATORS[c] !== 1) continue;
      const from = c === MEI && prepared.charCodeAt(i + 1) === YOU ? i + 2 : i + 1;
      for (let p = from; p < Math.min(n, from + NEG_SCOPE) && BREAKS[prepared.charCodeAt(p)] !== 1; p++) {
        let h = NEG_SEED;
        for (let k = 0; k < NEG_N && p + k < n && BREAKS[prepared.charCodeAt(p + k)] !== 1; k++) {
          h = fnvStep(h, prepared.charCodeAt(p + k));
          const j = Math.imul(h, FIB) >>> shift;
          let slot = j & slotMask;
          while (gens[slot] === gen && keys[slot] !== j) slot = (slot + 1) & slotMask;
          if (gens[slot] === gen) continue;
          gens[slot] = gen;
          keys[slot] = j;
          out[m++] = j;
        }
      }
    }
  }
  return out.subarray(0, m);
}
