// 32-bit FNV-1a hashing over UTF-16 code units (n-grams hashed without building substrings) and murmur3's
// finaliser; shared by sentiment features, near-duplicate fingerprints and the event clusterer's token table.

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: fold a code unit into the running hash. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a hash of a whole string, started from `seed` (distinct seeds keep feature families apart). */
export function fnvString(s: string, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Final avalanche (murmur3 fmix32) so that low bits used as bucket indices are well mixed. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
