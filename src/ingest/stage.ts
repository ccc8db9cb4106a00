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
  /**
   * Batch-scoped writes, for stages that gain from keeping state across a batch's items (caches, writes
   * buffered and flushed once). Opened inside the transaction; a stage may have both store() and openBatch().
   */
  openBatch?(ctx: AppContext, trx: Kysely<Database>): StageBatch;
  /** Work after commit (alert evaluation); sees only items that were added. */
  after?(ctx: AppContext, items: StoredItem[]): Promise<void>;
}

/** One batch's writer of a stage (see IngestStage.openBatch). */
export interface StageBatch {
  /** Handle one stored item (after every stage's store() for it). A throw rejects only that item. */
  store(item: StoredItem): Promise<void>;
  /**
   * Write whatever store() buffered. Called once before commit; when items are isolated (one savepoint
   * each, after a failure), a fresh writer is opened per item and flushed inside its savepoint, so a
   * rolled-back item never leaves state behind in a writer.
   */
  flush(): Promise<void>;
}
