// Kysely types of the near-duplicate tables as migration 2026112704_dedup leaves them.
import type { Kysely } from 'kysely';
import type { Database, Millis } from '../store/schema.ts';

export interface SimhashBandRow {
  band: number;
  /** band * 2^16 + the band's 16 bits; 2^32 + a 31-bit text hash for short texts' exact band. */
  key: number;
  published_at: Millis;
  item_id: number;
  /** The item's fingerprint halves (unsigned 32-bit), so lookups need not read the wide items row. */
  hi: number;
  lo: number;
}

export type DedupTables = {
  simhash_bands: SimhashBandRow;
};

export type DedupDb = Kysely<Database & DedupTables>;

/** The store seen with the near-duplicate tables' current shape. */
export function dedupDb(db: Kysely<Database>): DedupDb {
  return db.withTables<DedupTables>();
}
