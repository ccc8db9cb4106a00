// Records the outcome of one check on the source's state: success (validators, items, recovery) or
// failure (reason, consecutive count, unhealthy after N), plus the check log and the per-day counts.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { localDay } from './day.ts';
import { markDown, markUp } from './transitions.ts';
import { collectDb, type CollectDb } from '../register/tables.ts';
import type { Failure } from './failure-reason.ts';

export interface SuccessOutcome {
  startedAt: number;
  itemsFound: number;
  itemsAdded: number;
  warning: string | null;
  etag: string | null | undefined;
  lastModified: string | null | undefined;
  nextCheckAt: number;
}

/** Add newly stored items to the source's totals and today's count; a silent source recovers. */
export async function recordItems(ctx: AppContext, db: CollectDb, sourceId: number, added: number, now: number): Promise<void> {
  if (added <= 0) return;
  await db
    .updateTable('source_state')
    .set({ items_total: sql`items_total + ${added}`, last_item_at: now })
    .where('source_id', '=', sourceId)
    .execute();
  await db
    .insertInto('source_daily_counts')
    .values({ source_id: sourceId, day: localDay(now, ctx.config.timezone), items: added })
    .onConflict((oc) => oc.columns(['source_id', 'day']).doUpdateSet({ items: sql`source_daily_counts.items + excluded.items` }))
    .execute();
  await markUp(db, sourceId, 'silent', `${added} new item(s) collected again`, now);
}

/** Store a successful check: clears failures, keeps the validators, releases the claim. */
export async function recordSuccess(ctx: AppContext, sourceId: number, o: SuccessOutcome): Promise<void> {
  const now = ctx.clock.now();
  await collectDb(ctx.store.db).transaction().execute(async (trx) => {
    await trx
      .updateTable('source_state')
      .set({
        last_check_at: o.startedAt, last_success_at: now, consecutive_failures: 0, last_warning: o.warning,
        next_check_at: o.nextCheckAt, claimed_until: null, claimed_by: null,
        ...(o.etag !== undefined ? { etag: o.etag } : {}),
        ...(o.lastModified !== undefined ? { last_modified: o.lastModified } : {}),
      })
      .where('source_id', '=', sourceId)
      .execute();
    await trx.insertInto('source_checks').values({
      source_id: sourceId, started_at: o.startedAt, finished_at: now, ok: 1, items_found: o.itemsFound,
      items_added: o.itemsAdded, error_code: null, error: null, warning: o.warning,
    }).execute();
    await recordItems(ctx, trx, sourceId, o.itemsAdded, now);
    await markUp(trx, sourceId, 'failures', 'checked successfully again', now);
  });
}

/**
 * Store a failed check: reason, one more consecutive failure, unhealthy at `unhealthyAfter`.
 * `nextCheck` gets the new failure count so the caller's backoff can grow with it.
 */
export async function recordFailure(
  ctx: AppContext, sourceId: number, startedAt: number, f: Failure, unhealthyAfter: number, nextCheck: (failures: number) => number,
): Promise<number> {
  const now = ctx.clock.now();
  return collectDb(ctx.store.db).transaction().execute(async (trx) => {
    const st = await trx.selectFrom('source_state').select('consecutive_failures').where('source_id', '=', sourceId).executeTakeFirst();
    const failures = Number(st?.consecutive_failures ?? 0) + 1;
    await trx
      .updateTable('source_state')
      .set({
        last_check_at: startedAt, last_error_at: now, last_error: f.reason, last_error_code: f.code,
        consecutive_failures: failures, next_check_at: nextCheck(failures), claimed_until: null, claimed_by: null,
      })
      .where('source_id', '=', sourceId)
      .execute();
    await trx.insertInto('source_checks').values({
      source_id: sourceId, started_at: startedAt, finished_at: now, ok: 0, items_found: 0, items_added: 0,
      error_code: f.code, error: f.reason, warning: null,
    }).execute();
    if (failures >= unhealthyAfter) {
      await markDown(trx, sourceId, 'failures', `${failures} consecutive failures, last: ${f.reason}`, now);
    }
    return failures;
  });
}

/** Drop check-log rows older than `keepMs` (the log is for diagnosis, the state keeps the latest). */
export async function pruneChecks(ctx: AppContext, keepMs = 30 * 86_400_000): Promise<void> {
  await collectDb(ctx.store.db).deleteFrom('source_checks').where('started_at', '<', ctx.clock.now() - keepMs).execute();
}
