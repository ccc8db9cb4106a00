// ingest(): the one way in for every item (API, import, collectors, push). Validates, prepares
// (CPU stages outside the transaction), then stores the batch in one transaction with a savepoint
// per item so a failing item is rejected alone, then runs post-commit stages (alerts).
import type { AppContext } from '../context.ts';
import { findDuplicate, insertItem } from '../store/items.ts';
import { isRejection, validateItem } from './validate.ts';
import { STAGES } from './stages.ts';
import type { IngestStage } from './stage.ts';
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

  const stored: StoredItem[] = [];
  if (prepared.length > 0) {
    const trx = await ctx.store.db.startTransaction().execute();
    try {
      for (const item of prepared) {
        const sp = await trx.savepoint('item').execute();
        try {
          const dup = await findDuplicate(sp, item);
          if (dup) {
            results[item.index] = { index: item.index, status: 'duplicate', duplicate_of: dup.id, duplicate_by: dup.by };
            await sp.releaseSavepoint('item').execute();
            continue;
          }
          const id = await insertItem(sp, item);
          const s: StoredItem = Object.assign(item, { id });
          for (const st of stages) if (st.store) await st.store(ctx, sp, s);
          await sp.releaseSavepoint('item').execute();
          results[item.index] = { index: item.index, status: 'added', id };
          stored.push(s);
        } catch (err) {
          await sp.rollbackToSavepoint('item').execute();
          await sp.releaseSavepoint('item').execute();
          ctx.log.warn({ err, item_index: item.index }, 'ingest_item_failed');
          results[item.index] = { index: item.index, status: 'rejected', field: '(item)', reason: `could not be stored: ${(err as Error).message}` };
        }
      }
      await trx.commit().execute();
    } catch (err) {
      await trx.rollback().execute();
      throw err;
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
