// The contract every analysis stage of ingest implements.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../store/schema.ts';
import type { PreparedItem, StoredItem } from './prepared.ts';

export interface IngestStage {
  name: string;
  /** CPU work before the write transaction (segmenting, scoring); must not write. */
  prepare?(ctx: AppContext, items: PreparedItem[]): void | Promise<void>;
  /** Writes inside the batch's transaction, after the item row exists. A throw rejects only that item. */
  store?(ctx: AppContext, trx: Kysely<Database>, item: StoredItem): Promise<void>;
  /** Work after commit (alert evaluation); sees only items that were added. */
  after?(ctx: AppContext, items: StoredItem[]): Promise<void>;
}
