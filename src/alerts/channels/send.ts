// Sends one claimed delivery through its channel kind. Throws on failure; the queue decides on retry.
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import type { Message } from '../message.ts';
import { alertsDb, type DeliveryRow } from '../tables.ts';
import { getChannel, resolveChannel } from './repo.ts';
import { sendWebhook } from './webhook.ts';
import { sendDingtalk, sendFeishu, sendWecom } from './robots.ts';
import { sendSms } from './sms.ts';
import { sendEmail } from './email.ts';

/** In-app: a notifications row the UI lists (GET /api/notifications). */
async function sendInApp(ctx: AppContext, d: DeliveryRow, m: Message): Promise<void> {
  await alertsDb(ctx.store.db).insertInto('notifications').values({
    person_id: d.person_id, alert_id: d.alert_id, delivery_id: d.id, severity: d.severity,
    title: m.title, body: m.lines.join('\n'), created_at: ctx.clock.now(), read_at: null,
  }).execute();
}

/** Deliver `d` (message already rendered in it). */
export async function sendDelivery(ctx: AppContext, d: DeliveryRow): Promise<void> {
  const m = JSON.parse(d.message_json) as Message;
  if (d.channel_kind === 'inapp') return sendInApp(ctx, d, m);
  if (d.channel_id === null) throw new YqError('YQ_ERR_CONFIG', `${d.channel_kind} delivery without a channel`);
  const row = await getChannel(ctx, d.channel_id);
  if (Number(row.enabled) !== 1) throw new YqError('YQ_ERR_CONFIG', `channel ${row.id} (${row.name}) is disabled`);
  const ch = resolveChannel(ctx, row);
  switch (ch.kind) {
    case 'webhook': return sendWebhook(ctx, ch, m);
    case 'wecom': return sendWecom(ctx, ch, m);
    case 'dingtalk': return sendDingtalk(ctx, ch, m);
    case 'feishu': return sendFeishu(ctx, ch, m);
    case 'sms':
      if (!d.address) throw new YqError('YQ_ERR_CONFIG', 'SMS delivery without a phone number');
      return sendSms(ctx, ch, d.address, m);
    case 'email':
      if (!d.address) throw new YqError('YQ_ERR_CONFIG', 'e-mail delivery without an address');
      return sendEmail(ctx, ch, d.address, m);
  }
}
