// Hashed sparse features of a text: character 1–3-grams plus jieba words, with words inside a
// negation's scope (不/没/未/无/别 … up to the next punctuation) hashed apart, so 不满意 ≠ 满意.
import { FNV_OFFSET, fnvStep, fnvString } from './hash.ts';
import { isNegator, isClauseBreak } from './negation.ts';

export interface FeatureSpec {
  /** Number of hash buckets is 2^bits. */
  bits: number;
  /** Longest character n-gram. */
  charN: number;
  /** Add jieba word unigrams (negation-scoped). */
  words: boolean;
}

export const DEFAULT_SPEC: FeatureSpec = { bits: 20, charN: 3, words: true };

/** Fibonacci hashing: the top bits of h × 2^32/φ index the table (one multiply, well mixed). */
const FIB = 0x9e3779b1;
const SEED_WORD = 0x9e3779b9;
const SEED_NEG_WORD = 0x7f4a7c15;
/** Words a negator reaches at most (不 太 好 → both 太 and 好 are scoped). */
const NEG_REACH = 3;

let scratch = new Int32Array(4096);
/** A small open-addressing set (keys stamped with a generation), sized to the text so it stays in cache. */
let setKeys = new Int32Array(8192);
let setGens = new Uint32Array(8192);
let generation = 0;

/**
 * Unique bucket indices of `prepared` (output of prepText) and its jieba `tokens`, in first-seen order:
 * features are presence, not counts. The returned view is valid until the next call.
 */
export function featureBuckets(prepared: string, tokens: readonly string[], spec: FeatureSpec = DEFAULT_SPEC): Int32Array {
  const shift = 32 - spec.bits;
  const n = prepared.length;
  const need = n * spec.charN + tokens.length;
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
  const add = (j: number): void => {
    let slot = j & slotMask; // j is already well mixed
    while (gens[slot] === gen) {
      if (keys[slot] === j) return;
      slot = (slot + 1) & slotMask;
    }
    gens[slot] = gen;
    keys[slot] = j;
    out[m++] = j;
  };
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    const top = Math.min(spec.charN, n - i);
    for (let k = 0; k < top; k++) {
      h = fnvStep(h, prepared.charCodeAt(i + k));
      add(Math.imul(h, FIB) >>> shift);
    }
  }
  if (spec.words) {
    let reach = 0;
    for (const w of tokens) {
      if (w === ' ') continue;
      if (isClauseBreak(w)) {
        reach = 0;
        continue;
      }
      add(Math.imul(fnvString(w, reach > 0 ? SEED_NEG_WORD : SEED_WORD), FIB) >>> shift);
      if (isNegator(w)) reach = NEG_REACH;
      else if (reach > 0) reach--;
    }
  }
  return out.subarray(0, m);
}
