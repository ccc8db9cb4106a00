// 64-bit SimHash (Charikar) kept as two unsigned 32-bit halves: plain numbers with Math.imul are
// several times faster than BigInt here (bench/dedup.ts), and SQLite/JSON take them as they are.

/** A 64-bit fingerprint as two unsigned 32-bit halves. */
export interface Simhash {
  hi: number;
  lo: number;
}

/** Murmur3's finaliser: spreads every input bit over the 32 output bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Sums weighted feature hashes bit by bit; the sign of each sum is one bit of the fingerprint. */
export class SimhashAccumulator {
  private readonly v = new Float64Array(64);
  count = 0;

  /** Add one feature given by a 32-bit key; the two halves come from two independent mixes of it. */
  add(key: number, weight = 1): void {
    const hi = mix32(key ^ 0x9e3779b9);
    const lo = mix32(key ^ 0x7f4a7c15);
    const v = this.v;
    for (let j = 0; j < 32; j++) {
      v[j]! += (hi >>> j) & 1 ? weight : -weight;
      v[j + 32]! += (lo >>> j) & 1 ? weight : -weight;
    }
    this.count++;
  }

  /** The fingerprint of everything added so far. */
  digest(): Simhash {
    let hi = 0;
    let lo = 0;
    for (let j = 0; j < 32; j++) {
      if (this.v[j]! > 0) hi |= 1 << j;
      if (this.v[j + 32]! > 0) lo |= 1 << j;
    }
    return { hi: hi >>> 0, lo: lo >>> 0 };
  }
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

/** FNV-1a over UTF-16 code units: a cheap 32-bit key for a word feature. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
