// Index document keys (the FTS5 rowid): the hour of publication in the high bits and a sequence
// within the hour in the low 23 bits. Key order is therefore hour order, so FTS5 can walk its
// doclists newest-first and stop after one page; only the last hour touched needs sorting by the
// exact time. Within an hour keys grow with the id, which keeps rowid deltas small (a compact
// index) and lets FTS5 append without flushing in the usual case of items arriving in time order.
// Keys stay below 2^53 (hour < 2^30, sequence < 2^23), so they travel as plain JS numbers.

export const BUCKET_MS = 3_600_000;
export const SEQ_SPAN = 2 ** 23;

/** Smallest key of the hour containing `ms`. */
export function bucketFloor(ms: number): number {
  return Math.floor(ms / BUCKET_MS) * SEQ_SPAN;
}

/** Smallest key of the hour after the one containing `ms`. */
export function bucketCeil(ms: number): number {
  return bucketFloor(ms) + SEQ_SPAN;
}

/** Smallest key of the hour a key belongs to. */
export function keyFloor(key: number): number {
  return key - (key % SEQ_SPAN);
}

/** The next key in the hour of `ms`, given the largest key already there (or null). */
export function nextKey(ms: number, maxInHour: number | null): number {
  const lo = bucketFloor(ms);
  const key = maxInHour === null ? lo : maxInHour + 1;
  if (key >= lo + SEQ_SPAN) throw new Error(`more than ${SEQ_SPAN} items published in the hour of ${new Date(ms).toISOString()}`);
  return key;
}
