// The escalation ticker: advances every open (unacknowledged) alert whose next step is due. Each step
// is claimed with a conditional UPDATE on the alert's escalation position, so two tickers in two
// processes never run the same step twice. Acknowledged and resolved alerts are never touched.
import { inTransaction } from '../tx.ts';
import type { AppContext } from '../../context.ts';
import { alertsDb } from '../tables.ts';
import { policyFor } from './policy.ts';
import { runStep } from './step.ts';

/** Run every due escalation step at the clock's now; returns the number of steps run. */
export async function tickEscalations(ctx: AppContext): Promise<number> {
  const db = alertsDb(ctx.store.db);
  const now = ctx.clock.now();
  const due = await db.selectFrom('alerts').select('id').where('status', '=', 'open').where('next_escalation_at', '<=', now).orderBy('next_escalation_at').limit(500).execute();
  let ran = 0;
  for (const { id } of due) {
    // Catch up one step per pass (a ticker that was down does not fire a salvo of steps at once).
    const did = await inTransaction(db, async (trx) => {
      const a = await trx.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!a || a.status !== 'open' || a.next_escalation_at === null || Number(a.next_escalation_at) > now) return false;
      const policy = await policyFor(trx, a.policy_id, a.team_id);
      if (!policy.steps[a.esc_step]) {
        await trx.updateTable('alerts').set({ next_escalation_at: null }).where('id', '=', id).execute();
        return false;
      }
      const claimed = await trx.updateTable('alerts').set({ next_escalation_at: null, updated_at: now })
        .where('id', '=', id).where('status', '=', 'open').where('esc_step', '=', a.esc_step).where('esc_cycle', '=', a.esc_cycle)
        .where('next_escalation_at', '=', a.next_escalation_at).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const run = await runStep(ctx, trx, a, policy, Number(a.esc_cycle), Number(a.esc_step), now, { digest: Number(a.digest) === 1 });
      await trx.updateTable('alerts').set({
        esc_step: run.next?.step ?? a.esc_step, esc_cycle: run.next?.cycle ?? a.esc_cycle,
        // A step due in the past (the ticker was down) runs on the next pass, not in this one.
        next_escalation_at: run.next ? Math.max(run.next.at, now + 1) : null,
      }).where('id', '=', id).execute();
      return true;
    });
    if (did) ran++;
  }
  return ran;
}
