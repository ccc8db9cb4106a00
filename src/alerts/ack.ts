// Acknowledging an alert: it stops escalating; who, when and why are kept on the alert and in its log.
import { inTransaction } from './tx.ts';
import type { AppContext } from '../context.ts';
import { YqError } from '../errors.ts';
import { logAlert } from './escalation/step.ts';
import { alertsDb, type AlertRow } from './tables.ts';

/** Acknowledge an open alert. Acknowledging twice is not an error: the first acknowledgement stands. */
export async function acknowledgeAlert(ctx: AppContext, alertId: number, actor: string, note: string): Promise<{ alert: AlertRow; changed: boolean }> {
  const now = ctx.clock.now();
  return inTransaction(alertsDb(ctx.store.db), async (db) => {
    const a = await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
    if (!a) throw new YqError('YQ_ERR_NOT_FOUND', `alert ${alertId}`);
    if (a.status !== 'open') return { alert: a, changed: false };
    await db.updateTable('alerts').set({ status: 'acknowledged', acked_at: now, acked_by: actor, ack_note: note, next_escalation_at: null, updated_at: now })
      .where('id', '=', alertId).where('status', '=', 'open').execute();
    // Escalation messages still waiting for the digest or quiet hours are moot now.
    await db.updateTable('deliveries').set({ status: 'cancelled', last_error: 'alert acknowledged before release', updated_at: now })
      .where('alert_id', '=', alertId).where('status', '=', 'held').where('kind', '=', 'escalation').execute();
    await logAlert(db, alertId, now, 'acknowledged', actor, note || 'acknowledged');
    return { alert: await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirstOrThrow(), changed: true };
  });
}

/** Close an alert whose cause went away (a source that recovered); escalation stops. */
export async function resolveAlert(db: ReturnType<typeof alertsDb>, alertId: number, at: number, actor: string, reason: string): Promise<void> {
  await db.updateTable('alerts').set({ status: 'resolved', next_escalation_at: null, open_slot: null, updated_at: at }).where('id', '=', alertId).where('status', 'in', ['open', 'acknowledged']).execute();
  await logAlert(db, alertId, at, 'resolved', actor, reason);
}
