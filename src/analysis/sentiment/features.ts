// Hashed sparse features of a text: character 1–3-grams plus jieba words, with words inside a
// negation's scope (不/没/未/无/别 … up to the next punctuation) hashed apart, so 不满意 ≠ 满意.
import { FNV_OFFSET, fnvStep, fnvString, mix32 } from './hash.ts';
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

const SEED_WORD = 0x9e3779b9;
const SEED_NEG_WORD = 0x7f4a7c15;
/** Words a negator reaches at most (不 太 好 → both 太 and 好 are scoped). */
const NEG_REACH = 3;

/** Scratch space: a bucket is taken when its stamp equals the current call's generation. */
let stamps = new Uint32Array(0);
let generation = 0;
let scratch = new Int32Array(4096);

/** Unique bucket indices (in first-seen order) of `prepared` (output of prepText) and its jieba `tokens`. */
export function featureBuckets(prepared: string, tokens: readonly string[], spec: FeatureSpec = DEFAULT_SPEC): Int32Array {
  const mask = (1 << spec.bits) - 1;
  if (stamps.length !== mask + 1) stamps = new Uint32Array(mask + 1);
  if (++generation === 0xffffffff) {
    stamps.fill(0);
    generation = 1;
  }
  const n = prepared.length;
  const need = n * spec.charN + tokens.length;
  if (scratch.length < need) scratch = new Int32Array(need * 2);
  let m = 0;
  const add = (j: number): void => {
    if (stamps[j] === generation) return;
    stamps[j] = generation;
    scratch[m++] = j;
  };
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < spec.charN && i + k < n; k++) {
      h = fnvStep(h, prepared.charCodeAt(i + k));
      add(mix32(h + k) & mask);
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
      add(mix32(fnvString(w, reach > 0 ? SEED_NEG_WORD : SEED_WORD)) & mask);
      if (isNegator(w)) reach = NEG_REACH;
      else if (reach > 0) reach--;
    }
  }
  return scratch.slice(0, m);
}
