// Derived data of an event's vocabulary, kept beside its state so the hot loops need no lookup per term:
//  - a small Bloom-style signature (4,096 bits, two per term), so the decision can bound an item's text
//    evidence for an event with a few bit tests instead of a hash lookup per token and skip events that
//    cannot win (score.ts). It may claim words the event does not have (about 1 % of unseen words at 300
//    terms), never the reverse, so the bound stays an upper bound;
//  - each term's idf in the map's order, for the centroid's norm and its keywords (state.ts).
// Both are kept for the state's current terms map: a map only grows in place (absorb and mergeInto add
// keys; pruning replaces the map), so the keys past the count already described are the new ones. absorb
// and pruning report what they did (noteAppended, notePruned), so in the common case nothing is looked up.
import { tokenInfo, type TokenInfo } from './token-info.ts';
import type { EventState } from './types.ts';

const WORDS = 128; // 4,096 bits
const MASK = WORDS * 32 - 1;

function setBits(bits: Uint32Array, h: number): void {
  const a = h & MASK;
  const b = (h >>> 12) & MASK;
  bits[a >>> 5] = bits[a >>> 5]! | (1 << (a & 31));
  bits[b >>> 5] = bits[b >>> 5]! | (1 << (b & 31));
}

/** True when the signature may hold the token of hash h. */
export function mayHave(bits: Uint32Array, h: number): boolean {
  const a = h & MASK;
  const b = (h >>> 12) & MASK;
  return (bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
}

interface Vocabulary {
  /** The terms map described. */
  terms: Map<string, number>;
  /** Keys described (the first n of the map's order). */
  n: number;
  idf: Float64Array;
  hash: Uint32Array;
  bits: Uint32Array;
}

const vocabularies = new WeakMap<EventState, Vocabulary>();

function append(v: Vocabulary, idf: number, hash: number): void {
  if (v.n === v.idf.length) {
    const idfs = new Float64Array(v.n * 2);
    idfs.set(v.idf);
    v.idf = idfs;
    const hashes = new Uint32Array(v.n * 2);
    hashes.set(v.hash);
    v.hash = hashes;
  }
  v.idf[v.n] = idf;
  v.hash[v.n] = hash;
  setBits(v.bits, hash);
  v.n++;
}

/** The vocabulary of the state's current terms (built once, extended as the terms grow). */
function vocabularyOf(state: EventState): Vocabulary {
  let v = vocabularies.get(state);
  const size = state.terms.size;
  if (!v || v.terms !== state.terms || v.n > size) {
    const cap = Math.max(16, size);
    v = { terms: state.terms, n: 0, idf: new Float64Array(cap), hash: new Uint32Array(cap), bits: new Uint32Array(WORDS) };
    vocabularies.set(state, v);
  }
  if (v.n < size) {
    let i = 0;
    for (const w of state.terms.keys()) {
      if (i++ < v.n) continue;
      const info = tokenInfo(w);
      append(v, info.idf, info.hash);
    }
  }
  return v;
}

/** The signature of the state's current terms. */
export function termSignature(state: EventState): Uint32Array {
  return vocabularyOf(state).bits;
}

/** idf of each of the state's terms, in the map's order. */
export function termIdfs(state: EventState): Float64Array {
  return vocabularyOf(state).idf;
}

/** Record keys just appended to the state's terms (their infos, in order), keeping the vocabulary in step. */
export function noteAppended(state: EventState, infos: readonly TokenInfo[]): void {
  const v = vocabularies.get(state);
  if (!v || v.terms !== state.terms || v.n !== state.terms.size - infos.length) return;
  for (const info of infos) append(v, info.idf, info.hash);
}

/** Carry the vocabulary over to a pruned terms map that holds the keys at positions `kept` of `old`, in order. */
export function notePruned(state: EventState, old: Map<string, number>, kept: readonly number[]): void {
  const v = vocabularies.get(state);
  if (!v || v.terms !== old || v.n !== old.size) return;
  const cap = Math.max(16, kept.length);
  const idf = new Float64Array(cap);
  const hash = new Uint32Array(cap);
  const bits = new Uint32Array(WORDS);
  kept.forEach((i, j) => {
    idf[j] = v.idf[i]!;
    hash[j] = v.hash[i]!;
    setBits(bits, v.hash[i]!);
  });
  vocabularies.set(state, { terms: state.terms, n: kept.length, idf, hash, bits });
}
