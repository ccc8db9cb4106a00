// Healthy ⇄ unhealthy transitions. Each is a conditional UPDATE, so of two processes seeing the same
// change only one records the 'source_down' / 'source_recovered' event the alerting module delivers.
import type { CollectDb } from '../register/tables.ts';

export type UnhealthyReason = 'failures' | 'silent';

/** Mark the source unhealthy (if it was healthy) and record a source_down event. Returns true if it changed. */
export async function markDown(db: CollectDb, sourceId: number, why: UnhealthyReason, reason: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('source_state')
    .set({ healthy: 0, unhealthy_reason: why, unhealthy_since: now })
    .where('source_id', '=', sourceId)
    .where('healthy', '=', 1)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.insertInto('source_events').values({ source_id: sourceId, kind: 'source_down', at: now, reason: `${why}: ${reason}`.slice(0, 2000), delivered_at: null }).execute();
  return true;
}

/** Mark the source healthy again if it was down for `why`, recording a source_recovered event. */
export async function markUp(db: CollectDb, sourceId: number, why: UnhealthyReason, reason: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('source_state')
    .set({ healthy: 1, unhealthy_reason: null, unhealthy_since: null })
    .where('source_id', '=', sourceId)
    .where('healthy', '=', 0)
    .where('unhealthy_reason', '=', why)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.insertInto('source_events').values({ source_id: sourceId, kind: 'source_recovered', at: now, reason, delivered_at: null }).execute();
  return true;
}
