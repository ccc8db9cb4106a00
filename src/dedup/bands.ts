// Banding of 64-bit fingerprints for candidate lookup in the simhash_bands table.
//
// Four bands of 16 bits. A fingerprint is filed under its four band keys; a lookup probes each band's
// key and the 16 keys one bit away (68 keys). By pigeonhole, two fingerprints at most 7 bits apart
// always share a band with at most one differing bit, so recall is guaranteed up to 7 bits and stays
// high above (95 % at 8, 86 % at 9 bits for uniformly spread differences). Plain exact banding (no probes)
// finds only 33 % of pairs 8 bits apart; guaranteeing 8 bits with exact keys alone would need 9 bands of
// 7 bits and thousands of random candidates per lookup at 100k items. The price of the probes: a random
// fingerprint matches 68 / 65,536 of the table, ~100 rows with 100k items in the window (bench/dedup.ts),
// which the SQL distance filter (sqlite-distance.ts) keeps from reaching JavaScript.
import type { Simhash } from './simhash.ts';

export const BANDS = 4;
export const BAND_BITS = 16;
/** Keys of band b live in [b * 2^16, (b + 1) * 2^16), so one indexed `key IN (…)` serves every band. */
const BAND_SPAN = 1 << BAND_BITS;
/** Band number for exact matches of short texts (stripped-text hash), kept out of the SimHash bands. */
export const EXACT_BAND = BANDS;
/** Exact keys start above every SimHash band key. */
const EXACT_BASE = 2 ** 32;

/** The 16-bit value of each band, most significant first. */
function bandValues(h: Simhash): number[] {
  return [h.hi >>> 16, h.hi & 0xffff, h.lo >>> 16, h.lo & 0xffff];
}

/** The keys a fingerprint is stored under (one per band). */
export function bandKeys(h: Simhash): { band: number; key: number }[] {
  return bandValues(h).map((v, band) => ({ band, key: band * BAND_SPAN + v }));
}

/** The 64 keys one bit away from the fingerprint's band keys (16 per band). */
export function neighbourKeys(h: Simhash): number[] {
  const out: number[] = [];
  bandValues(h).forEach((v, band) => {
    const base = band * BAND_SPAN;
    for (let b = 0; b < BAND_BITS; b++) out.push(base + (v ^ (1 << b)));
  });
  return out;
}

/** Every key a lookup probes: the band keys and their one-bit neighbours (68). */
export function probeKeys(h: Simhash): number[] {
  return [...bandKeys(h).map((k) => k.key), ...neighbourKeys(h)];
}

/** Fingerprints at most this far apart always share a band key exactly (pigeonhole over 4 bands). */
export const EXACT_BAND_RADIUS = BANDS - 1;

/** The key of a short text's exact band: a 31-bit hash of its content characters. */
export function exactKey(textHash32: number): number {
  return EXACT_BASE + (textHash32 >>> 1);
}
