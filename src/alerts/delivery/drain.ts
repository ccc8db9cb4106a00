// One pass of the delivery worker: release held deliveries that are due, claim due ones under a lease,
// send them (a few at a time), record each outcome, and log failures and dead letters on the alert.
import { inTransaction } from '../tx.ts';
import pLimit from 'p-limit';
import type { AppContext } from '../../context.ts';
import { logAlert } from '../escalation/step.ts';
import { sendDelivery } from '../channels/send.ts';
import { getSettings } from '../settings.ts';
import { alertsDb } from '../tables.ts';
import { releaseHeld } from './held.ts';
import { claimDue, markFailed, markSent, newWorkerId } from './queue.ts';

export interface DrainOptions {
  workerId?: string;
  /** Deliveries claimed per pass. */
  limit?: number;
  /** How long a claim holds; a worker that dies mid-send loses its claim after this. */
  leaseMs?: number;
  concurrency?: number;
}

export interface DrainResult {
  sent: number;
  failed: number;
  dead: number;
}

/** Send every delivery due now (one claim round); tests call this directly with a TestClock. */
export async function drainDeliveries(ctx: AppContext, opts: DrainOptions = {}): Promise<DrainResult> {
  const db = alertsDb(ctx.store.db);
  const worker = opts.workerId ?? newWorkerId();
  const now = ctx.clock.now();
  await releaseHeld(db, now);
  const settings = await getSettings(ctx, db);
  const claimed = await claimDue(db, worker, now, opts.leaseMs ?? 60_000, opts.limit ?? 100);
  const out: DrainResult = { sent: 0, failed: 0, dead: 0 };
  const limit = pLimit(opts.concurrency ?? 8);
  await Promise.all(claimed.map((d) => limit(async () => {
    try {
      await sendDelivery(ctx, d);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      // Outcome and log entry in one transaction: one commit (one fsync) per delivery.
      const status = await inTransaction(db, async (trx) => {
        const st = await markFailed(trx, d, worker, ctx.clock.now(), msg, settings.retry_base_seconds);
        if (d.alert_id !== null) {
          await logAlert(trx, d.alert_id, ctx.clock.now(), st === 'dead' ? 'dead_letter' : 'delivery_failed', 'system', `${d.channel_kind}: ${msg}`.slice(0, 500), { deliveryId: d.id });
        }
        return st;
      });
      out[status]++;
      ctx.log.warn({ delivery_id: d.id, channel_kind: d.channel_kind, attempts: Number(d.attempts) + 1, status, err: msg }, 'alert_delivery_failed');
      return;
    }
    const marked = await inTransaction(db, async (trx) => {
      if (!(await markSent(trx, d, worker, ctx.clock.now()))) return false;
      if (d.alert_id !== null) await logAlert(trx, d.alert_id, ctx.clock.now(), 'delivered', 'system', `${d.kind} via ${d.channel_kind}${d.person_id ? ` to person #${d.person_id}` : ''}`, { deliveryId: d.id });
      return true;
    });
    if (marked) out.sent++;
  })));
  return out;
}

/** Drain until nothing is due (bounded number of rounds). */
export async function drainAll(ctx: AppContext, opts: DrainOptions = {}, rounds = 50): Promise<DrainResult> {
  const total: DrainResult = { sent: 0, failed: 0, dead: 0 };
  for (let i = 0; i < rounds; i++) {
    const r = await drainDeliveries(ctx, opts);
    total.sent += r.sent;
    total.failed += r.failed;
    total.dead += r.dead;
    if (r.sent + r.failed + r.dead === 0) break;
  }
  return total;
}
