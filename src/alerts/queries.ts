// Read side of alerting for the API and CLI: alerts with their evidence, log and deliveries; dead
// letters; in-app notifications. Delivery rows never carry secrets (those stay on the channel).
import type { AppContext } from '../context.ts';
import { YqError } from '../errors.ts';
import { SEVERITY_ZH, type Severity } from './severity.ts';
import { alertsDb, type AlertRow, type DeliveryRow } from './tables.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** JSON form of an alert. */
export function alertToJson(a: AlertRow): Record<string, unknown> {
  return {
    id: a.id, rule_id: a.rule_id, rule_name: a.rule_name, trigger: a.trigger, key: a.dedup_key, event_id: a.event_id, source_id: a.source_id,
    severity: a.severity, severity_zh: SEVERITY_ZH[a.severity as Severity] ?? a.severity, title: a.title, summary: a.summary, status: a.status,
    item_count: a.item_count, first_item_id: a.first_item_id, last_item_id: a.last_item_id, heat: a.heat, z_score: a.z_score,
    digest: Number(a.digest) === 1, team_id: a.team_id, in_key_period: Number(a.in_key_period) === 1,
    escalation: { next_step: a.esc_step, cycle: a.esc_cycle, next_at: iso(a.next_escalation_at) },
    fired_at: iso(a.fired_at), updated_at: iso(a.updated_at), cooldown_until: iso(a.cooldown_until),
    acked_at: iso(a.acked_at), acked_by: a.acked_by, ack_note: a.ack_note,
  };
}

/** JSON form of a delivery (the message included; no secrets live there). */
export function deliveryToJson(d: DeliveryRow): Record<string, unknown> {
  return {
    id: d.id, alert_id: d.alert_id, kind: d.kind, channel_kind: d.channel_kind, channel_id: d.channel_id, person_id: d.person_id,
    address: d.address, severity: d.severity, status: d.status, attempts: d.attempts, max_attempts: d.max_attempts,
    next_attempt_at: iso(d.next_attempt_at), last_error: d.last_error, bundle_id: d.bundle_id, sent_at: iso(d.sent_at),
    created_at: iso(d.created_at), title: (JSON.parse(d.message_json) as { title?: string }).title ?? '',
  };
}

/** Alerts, newest first, optionally by status. */
export async function listAlerts(ctx: AppContext, opts: { status?: string; limit?: number; beforeId?: number }): Promise<AlertRow[]> {
  let q = alertsDb(ctx.store.db).selectFrom('alerts').selectAll().orderBy('id', 'desc').limit(opts.limit ?? 50);
  if (opts.status) q = q.where('status', '=', opts.status as AlertRow['status']);
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  return q.execute();
}

/** An alert row or YQ_ERR_NOT_FOUND. */
export async function getAlert(ctx: AppContext, id: number): Promise<AlertRow> {
  const a = await alertsDb(ctx.store.db).selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new YqError('YQ_ERR_NOT_FOUND', `alert ${id}`);
  return a;
}

/** An alert with its evidence items, its log and its deliveries. */
export async function alertDetail(ctx: AppContext, id: number): Promise<Record<string, unknown>> {
  const a = await getAlert(ctx, id);
  const db = alertsDb(ctx.store.db);
  const items = await db.selectFrom('alert_items as ai').innerJoin('items as i', 'i.id', 'ai.item_id')
    .select(['i.id', 'i.title', 'i.content', 'i.url', 'i.source_key', 'i.platform', 'i.published_at', 'ai.added_at'])
    .where('ai.alert_id', '=', id).orderBy('ai.added_at').orderBy('i.id').limit(500).execute();
  const log = await db.selectFrom('alert_log').selectAll().where('alert_id', '=', id).orderBy('at').orderBy('id').execute();
  const deliveries = await db.selectFrom('deliveries').selectAll().where('alert_id', '=', id).orderBy('id').execute();
  return {
    ...alertToJson(a),
    items: items.map((i) => ({ id: i.id, title: i.title, excerpt: i.content.slice(0, 200), url: i.url, source: i.source_key, platform: i.platform, published_at: iso(i.published_at), added_at: iso(i.added_at) })),
    log: log.map((l) => ({ at: iso(l.at), action: l.action, actor: l.actor, reason: l.reason, step: l.step, delivery_id: l.delivery_id })),
    deliveries: deliveries.map(deliveryToJson),
  };
}

/** Dead-lettered deliveries, newest first. */
export async function listDeadLetters(ctx: AppContext, limit = 100): Promise<DeliveryRow[]> {
  return alertsDb(ctx.store.db).selectFrom('deliveries').selectAll().where('status', '=', 'dead').orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** In-app notifications for a person (plus broadcasts), newest first. */
export async function listNotifications(ctx: AppContext, opts: { personId?: number; unread?: boolean; limit?: number }): Promise<Record<string, unknown>[]> {
  let q = alertsDb(ctx.store.db).selectFrom('notifications').selectAll().orderBy('id', 'desc').limit(opts.limit ?? 50);
  if (opts.personId !== undefined) q = q.where((eb) => eb.or([eb('person_id', '=', opts.personId!), eb('person_id', 'is', null)]));
  if (opts.unread) q = q.where('read_at', 'is', null);
  return (await q.execute()).map((n) => ({
    id: n.id, person_id: n.person_id, alert_id: n.alert_id, severity: n.severity, title: n.title, body: n.body, created_at: iso(n.created_at), read_at: iso(n.read_at),
  }));
}

/** Mark a notification read. */
export async function markNotificationRead(ctx: AppContext, id: number): Promise<void> {
  const r = await alertsDb(ctx.store.db).updateTable('notifications').set({ read_at: ctx.clock.now() }).where('id', '=', id).where('read_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0 && !(await alertsDb(ctx.store.db).selectFrom('notifications').select('id').where('id', '=', id).executeTakeFirst())) {
    throw new YqError('YQ_ERR_NOT_FOUND', `notification ${id}`);
  }
}
