// Index document keys ordered like the newest-first listing: published_at (ms) in the high bits and
// a per-millisecond sequence in the low 21 bits. Items are indexed in id order, so within one
// millisecond the sequence follows the id, and "key DESC" is exactly "published_at DESC, id DESC".
// This lets FTS5 walk its doclists newest-first and stop after one page instead of sorting all hits.

export const SEQ_BITS = 21n;
export const SEQ_SPAN = 1n << SEQ_BITS;

/** Smallest key of a millisecond. */
export function keyFloor(ms: number): bigint {
  return BigInt(Math.trunc(ms)) << SEQ_BITS;
}

/** The next key to use in the millisecond, given the largest key already there (or null). */
export function nextKey(ms: number, maxInMs: bigint | null): bigint {
  const lo = keyFloor(ms);
  const key = maxInMs === null ? lo : maxInMs + 1n;
  if (key >= lo + SEQ_SPAN) throw new Error(`more than ${SEQ_SPAN} items published in the same millisecond ${ms}`);
  return key;
}

/** Keys as decimal strings: they exceed 2^53, so they never travel as JS numbers. */
export function parseKey(s: string): bigint | null {
  return /^\d{1,19}$/.test(s) ? BigInt(s) : null;
}
