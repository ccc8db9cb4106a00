// Running one escalation step of an alert: resolve its targets against the roster now, enqueue their
// deliveries, and record the step (with whom it reached, or that it reached nobody) in the alert log.
import type { AppContext } from '../../context.ts';
import { alertMessage } from '../dispatch/alert-message.ts';
import { enqueueNotifications } from '../dispatch/enqueue.ts';
import { resolveTargets } from '../dispatch/recipients.ts';
import type { Severity } from '../severity.ts';
import type { AlertRow, AlertsDb } from '../tables.ts';
import { nextPosition, stepDueAt, type Policy } from './policy.ts';

/** Append to an alert's log. */
export async function logAlert(
  db: AlertsDb, alertId: number, at: number, action: string, actor: string, reason: string, extra: { step?: number; deliveryId?: number } = {},
): Promise<void> {
  await db.insertInto('alert_log').values({ alert_id: alertId, at, action, actor, reason, step: extra.step ?? null, delivery_id: extra.deliveryId ?? null }).execute();
}

export interface StepRun {
  deliveryIds: number[];
  /** Where the alert's escalation stands after the step. */
  next: { cycle: number; step: number; at: number } | null;
}

/**
 * Run step (cycle, index) of the policy for the alert. `extraChannels` are notified too (the rule's own
 * channels on the first notice). The first notice is kind 'alert', later steps 'escalation'.
 */
export async function runStep(
  ctx: AppContext, db: AlertsDb, alert: AlertRow, policy: Policy, cycle: number, index: number, at: number,
  opts: { digest: boolean; extraChannels?: number[] },
): Promise<StepRun> {
  const first = cycle === 0 && index === 0;
  const step = policy.steps[index]!;
  const who = await resolveTargets(db, ctx.config.timezone, alert.team_id, step.notify, at);
  const kind = first ? (alert.trigger === 'source_down' ? 'source' : 'alert') : 'escalation';
  const build = await alertMessage(ctx, db, alert, kind, at, first ? undefined : { index, cycle });
  const deliveryIds = await enqueueNotifications(ctx, db, {
    alertId: alert.id, kind, severity: alert.severity as Severity, message: build, persons: who.persons,
    channelIds: [...new Set([...who.channelIds, ...(opts.extraChannels ?? [])])], at, digest: opts.digest,
    inKeyPeriod: Number(alert.in_key_period) === 1, broadcastIfNobody: first,
  });
  const reached = [...who.persons.map((p) => `${p.name}(#${p.id})`), ...who.channelIds.map((c) => `channel:${c}`)];
  const missed = who.unresolved.length ? `; nobody for ${who.unresolved.join(', ')}` : '';
  await logAlert(db, alert.id, at, first ? 'notified' : 'escalated', 'system',
    `policy ${policy.name} step ${index + 1}${cycle ? ` cycle ${cycle + 1}` : ''}: ${reached.join(', ') || 'no recipient'}${missed}; ${deliveryIds.length} deliveries`,
    { step: index });
  const pos = nextPosition(policy, cycle, index);
  return { deliveryIds, next: pos ? { ...pos, at: stepDueAt(policy, Number(alert.fired_at), pos.cycle, pos.step) } : null };
}
