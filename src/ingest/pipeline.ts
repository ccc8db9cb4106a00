// ingest(): the one way in for every item (API, import, collectors, push). Validates, prepares
// (CPU stages outside the transaction), then stores the batch in one transaction (redone with a savepoint
// per item when one fails, so a failing item is rejected alone), then runs post-commit stages (alerts).
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../store/schema.ts';
import { findDuplicate, insertItem } from '../store/items.ts';
import { isRejection, validateItem } from './validate.ts';
import { STAGES } from './stages.ts';
import type { IngestStage, StageBatch } from './stage.ts';
import type { PreparedItem, StoredItem } from './prepared.ts';
import { summarise, type IngestItemResult, type IngestSummary } from './result.ts';

export interface IngestOptions {
  source?: { id: number; key: string; platform?: string };
  /** Replace the stage list (tests and the offline analyzer). */
  stages?: IngestStage[];
}

/** Ingest a batch of raw item objects; returns one result per input, in order. */
export async function ingest(ctx: AppContext, inputs: unknown[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const stages = opts.stages ?? STAGES;
  const now = ctx.clock.now();
  const results: IngestItemResult[] = new Array(inputs.length);
  const prepared: PreparedItem[] = [];
  inputs.forEach((raw, index) => {
    const v = validateItem(raw, { tz: ctx.config.timezone, now, index, source: opts.source });
    if (isRejection(v)) results[index] = { index, status: 'rejected', field: v.field, reason: v.reason };
    else prepared.push(v);
  });
  for (const s of stages) if (s.prepare) await s.prepare(ctx, prepared);

  let stored: StoredItem[] = [];
  if (prepared.length > 0) {
    // Fast path: the whole batch in one transaction. Only if some item fails is the batch redone with a
    // savepoint per item, so one bad item is rejected alone and the good ones still land.
    try {
      stored = await storeBatch(ctx, prepared, stages, results, false);
    } catch (err) {
      ctx.log.debug({ err }, 'ingest_batch_retry_isolated');
      stored = await storeBatch(ctx, prepared, stages, results, true);
    }
  }
  for (const st of stages) {
    if (!st.after || stored.length === 0) continue;
    try {
      await st.after(ctx, stored);
    } catch (err) {
      ctx.log.error({ err, stage: st.name }, 'ingest_after_stage_failed');
    }
  }
  return summarise(results);
}

type Trx = Kysely<Database>;

/** Store one prepared item: duplicate check, row insert, every stage's store(). Returns null for a duplicate. */
async function storeOne(
  ctx: AppContext, db: Trx, item: PreparedItem, stages: IngestStage[], writers: StageBatch[], results: IngestItemResult[],
): Promise<StoredItem | null> {
  // SQLite: the raw handle runs the item's own queries as prepared statements on the same connection
  // (so inside this transaction); other dialects build them with Kysely.
  const raw = ctx.store.dialect === 'sqlite' ? ctx.store.sqlite : null;
  const dup = await findDuplicate(db, item, raw);
  if (dup) {
    results[item.index] = { index: item.index, status: 'duplicate', duplicate_of: dup.id, duplicate_by: dup.by };
    return null;
  }
  const id = await insertItem(db, item, raw);
  const s: StoredItem = Object.assign(item, { id });
  for (const st of stages) if (st.store) await st.store(ctx, db, s);
  for (const w of writers) await w.store(s);
  results[item.index] = { index: item.index, status: 'added', id };
  return s;
}

/** Write a batch in one transaction; with `isolate`, each item in its own savepoint. */
async function storeBatch(
  ctx: AppContext, prepared: PreparedItem[], stages: IngestStage[], results: IngestItemResult[], isolate: boolean,
): Promise<StoredItem[]> {
  const stored: StoredItem[] = [];
  const trx = await ctx.store.db.startTransaction().execute();
  const open = (db: Trx): StageBatch[] => stages.flatMap((st) => (st.openBatch ? [st.openBatch(ctx, db)] : []));
  try {
    const batchWriters = isolate ? [] : open(trx);
    for (const item of prepared) {
      if (!isolate) {
        const s = await storeOne(ctx, trx, item, stages, batchWriters, results);
        if (s) stored.push(s);
        continue;
      }
      const sp = await trx.savepoint('item').execute();
      try {
        const writers = open(sp);
        const s = await storeOne(ctx, sp, item, stages, writers, results);
        for (const w of writers) await w.flush();
        if (s) stored.push(s);
        await sp.releaseSavepoint('item').execute();
      } catch (err) {
        await sp.rollbackToSavepoint('item').execute();
        await sp.releaseSavepoint('item').execute();
        ctx.log.warn({ err, item_index: item.index }, 'ingest_item_failed');
        results[item.index] = { index: item.index, status: 'rejected', field: '(item)', reason: `could not be stored: ${(err as Error).message}` };
      }
    }
    for (const w of batchWriters) await w.flush();
    await trx.commit().execute();
    return stored;
  } catch (err) {
    await trx.rollback().execute();
    throw err;
  }
}
