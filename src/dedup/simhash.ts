// 64-bit SimHash (Charikar) kept as two unsigned 32-bit halves: plain numbers with Math.imul are
// several times faster than BigInt here (bench/dedup.ts), and SQLite/JSON take them as they are.
// Every feature weighs 1 (character trigrams; IDF-weighted jieba words measured no better).

import { mix32 } from '../util/hash.ts';

/** A 64-bit fingerprint as two unsigned 32-bit halves. */
export interface Simhash {
  hi: number;
  lo: number;
}

// Bit-sliced ("vertical") counters: plane k holds bit k of 32 per-position counts, so one feature is
// added to all 32 positions of a half with a few AND/XOR ripple steps instead of 32 separate additions.
const PLANES = 24;

/** Counts, per bit position, how many features set that bit; the majority gives the fingerprint. */
export class SimhashAccumulator {
  private readonly hiPlanes = new Int32Array(PLANES);
  private readonly loPlanes = new Int32Array(PLANES);
  count = 0;

  /** Add one feature given by a 32-bit key; the two halves come from two independent mixes of it. */
  add(key: number): void {
    addTo(this.hiPlanes, mix32(key ^ 0x9e3779b9));
    addTo(this.loPlanes, mix32(key ^ 0x7f4a7c15));
    this.count++;
  }

  /** The fingerprint of everything added so far: bit j is set when more than half the features set it. */
  digest(): Simhash {
    return { hi: majority(this.hiPlanes, this.count), lo: majority(this.loPlanes, this.count) };
  }
}

function addTo(planes: Int32Array, word: number): void {
  let carry = word | 0;
  for (let k = 0; carry !== 0 && k < PLANES; k++) {
    const p = planes[k]!;
    planes[k] = p ^ carry;
    carry &= p;
  }
}

function majority(planes: Int32Array, count: number): number {
  let out = 0;
  for (let j = 0; j < 32; j++) {
    let c = 0;
    for (let k = PLANES - 1; k >= 0; k--) c = c * 2 + ((planes[k]! >>> j) & 1);
    if (c * 2 > count) out |= 1 << j;
  }
  return out >>> 0;
}

/** Number of set bits in a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hamming distance between two fingerprints (0–64). */
export function hamming(a: Simhash, b: Simhash): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

/** 16 lower-case hex digits, the form stored in items.simhash. */
export function toHex(h: Simhash): string {
  return h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
}

/** Parse the stored 16-hex-digit form. */
export function fromHex(s: string): Simhash {
  return { hi: Number.parseInt(s.slice(0, 8), 16) >>> 0, lo: Number.parseInt(s.slice(8, 16), 16) >>> 0 };
}

