// The message of an alert (first notice or escalation): rule, severity, what fired it, when, and the
// first pieces of evidence, with the recipient's acknowledgement link.
import type { AppContext } from '../../context.ts';
import { clip, subjectPrefix, type Message, type MessageKind } from '../message.ts';
import { SEVERITY_ZH, type Severity } from '../severity.ts';
import type { AlertRow, AlertsDb } from '../tables.ts';

/** Evidence items shown in a message. */
const SHOWN_ITEMS = 5;

/** Local wall-clock text of an instant, e.g. 2026-11-20 10:00. */
export function localTime(at: number, tz: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return f.format(new Date(at));
}

/** A builder of the alert's message for one recipient. */
export async function alertMessage(
  ctx: AppContext, db: AlertsDb, alert: AlertRow, kind: MessageKind, at: number, step?: { index: number; cycle: number },
): Promise<(ackLink: string | null) => Message> {
  const items = await db
    .selectFrom('alert_items as ai')
    .innerJoin('items as i', 'i.id', 'ai.item_id')
    .select(['i.id', 'i.title', 'i.content', 'i.url', 'i.published_at'])
    .where('ai.alert_id', '=', alert.id)
    .orderBy('ai.added_at')
    .orderBy('i.id')
    .limit(SHOWN_ITEMS)
    .execute();
  const severity = alert.severity as Severity;
  const tz = ctx.config.timezone;
  const lines = [
    `预警规则：${alert.rule_name}（${SEVERITY_ZH[severity]}）`,
    ...(alert.summary ? [alert.summary] : []),
    `相关信息 ${alert.item_count} 条；首次预警 ${localTime(Number(alert.fired_at), tz)}`,
  ];
  if (kind === 'escalation' && step) {
    const minutes = Math.round((at - Number(alert.fired_at)) / 60_000);
    lines.unshift(`该预警已 ${minutes} 分钟无人确认，按升级策略第 ${step.index + 1} 步${step.cycle > 0 ? `（第 ${step.cycle + 1} 轮）` : ''}通知您。`);
  }
  const base: Omit<Message, 'ack_url'> = {
    kind,
    severity,
    title: `${subjectPrefix(kind, severity)}${clip(alert.title, 60)}`,
    lines,
    items: items.map((i) => ({ id: i.id, title: clip(i.title || i.content, 80), url: i.url, published_at: new Date(Number(i.published_at)).toISOString() })),
    alert_id: alert.id,
    data: {
      rule_id: alert.rule_id, trigger: alert.trigger, event_id: alert.event_id, source_id: alert.source_id,
      item_count: alert.item_count, heat: alert.heat, z_score: alert.z_score, fired_at: new Date(Number(alert.fired_at)).toISOString(),
      ...(step ? { escalation_step: step.index, escalation_cycle: step.cycle } : {}),
    },
  };
  return (ackLink) => ({ ...base, ack_url: ackLink });
}
