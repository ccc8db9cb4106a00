// SQLite-only fast path: a hamming64() SQL function so the band lookup returns only candidates within
// the threshold. Measured at 100k filed items (bench/dedup.ts): a lookup reads ~100 random band rows,
// and turning each into a JS object cost more than the index search itself. Other dialects filter in JS.
import type SqliteDatabase from 'better-sqlite3';
import type { Store } from '../store/db.ts';
import { popcount32 } from './simhash.ts';

const registered = new WeakSet<SqliteDatabase.Database>();

/** Register hamming64(hi, lo, hi2, lo2) on the store's SQLite handle; false when the store is not SQLite. */
export function ensureHammingFunction(store: Store): boolean {
  const raw = store.sqlite;
  if (!raw) return false;
  if (!registered.has(raw)) {
    raw.function('hamming64', { deterministic: true, directOnly: true }, (a: unknown, b: unknown, c: unknown, d: unknown) =>
      popcount32((Number(a) ^ Number(c)) >>> 0) + popcount32((Number(b) ^ Number(d)) >>> 0),
    );
    registered.add(raw);
  }
  return true;
}
