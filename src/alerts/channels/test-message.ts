// A test message sent straight through a channel (no queue), to check a configuration.
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { subjectPrefix, type Message } from '../message.ts';
import { sendDelivery } from './send.ts';
import { getChannel } from './repo.ts';

/** Send a test message through the channel; e-mail and SMS need `to` (an address or a phone number). */
export async function sendTestMessage(ctx: AppContext, channelId: number, to?: string): Promise<void> {
  const ch = await getChannel(ctx, channelId);
  if ((ch.kind === 'email' || ch.kind === 'sms') && !to) throw new YqError('YQ_ERR_VALIDATION', `to: a ${ch.kind} test needs a recipient`, { details: { field: 'to' } });
  const now = ctx.clock.now();
  const m: Message = {
    kind: 'test', severity: 'general', title: `${subjectPrefix('test', 'general')}舆情预警通道「${ch.name}」`,
    lines: ['这是一条测试消息，收到即表示通道配置正确。'], items: [], alert_id: null, ack_url: null, data: { channel_id: ch.id },
  };
  await sendDelivery(ctx, {
    id: 0, alert_id: null, kind: 'test', channel_kind: ch.kind, channel_id: ch.id, person_id: null, address: to ?? null, severity: 'general',
    message_json: JSON.stringify(m), status: 'pending', attempts: 0, max_attempts: 1, next_attempt_at: now, claimed_until: null, claimed_by: null,
    last_error: null, bundle_id: null, sent_at: null, created_at: now, updated_at: now,
  });
}
