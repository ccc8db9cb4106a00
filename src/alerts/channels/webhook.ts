// Generic webhook: the message as JSON, signed. X-Yuqing-Timestamp is Unix seconds; X-Yuqing-Signature
// is the hex HMAC-SHA256, keyed with the channel's secret, of `${timestamp}.${body}`. Receivers must
// recompute it over the raw body and reject timestamps more than a few minutes off their clock, so a
// captured request cannot be replayed later (verifyWebhookSignature does both).
import crypto from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { SEVERITY_ZH } from '../severity.ts';
import { toText, type Message } from '../message.ts';
import type { ResolvedChannel } from './repo.ts';
import { channelRequest } from './http.ts';

/** Hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Receiver side: true when the signature matches and the timestamp is within `toleranceS` of `nowMs`. */
export function verifyWebhookSignature(o: {
  secret: string; body: string; timestamp: string | undefined; signature: string | undefined; nowMs?: number; toleranceS?: number;
}): boolean {
  if (!o.timestamp || !o.signature || !/^\d{1,12}$/.test(o.timestamp)) return false;
  const skew = Math.abs((o.nowMs ?? Date.now()) / 1000 - Number(o.timestamp));
  if (skew > (o.toleranceS ?? 300)) return false;
  const want = Buffer.from(webhookSignature(o.secret, o.timestamp, o.body), 'hex');
  const got = Buffer.from(o.signature, 'hex');
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

/** The JSON body a webhook receives. */
export function webhookBody(m: Message, sentAt: number): Record<string, unknown> {
  return {
    type: m.kind,
    alert_id: m.alert_id,
    severity: m.severity,
    severity_zh: SEVERITY_ZH[m.severity],
    title: m.title,
    text: toText(m),
    items: m.items,
    ack_url: m.ack_url,
    data: m.data,
    sent_at: new Date(sentAt).toISOString(),
  };
}

/** Deliver through a webhook channel. */
export async function sendWebhook(ctx: AppContext, ch: ResolvedChannel, m: Message): Promise<void> {
  const now = ctx.clock.now();
  const body = JSON.stringify(webhookBody(m, now));
  const ts = String(Math.floor(now / 1000));
  const headers: Record<string, string> = { ...((ch.settings.headers as Record<string, string> | undefined) ?? {}), 'x-yuqing-timestamp': ts };
  if (ch.secrets.secret) headers['x-yuqing-signature'] = webhookSignature(ch.secrets.secret, ts, body);
  // The exact bytes signed are the bytes sent.
  await channelRequest(ctx, String(ch.settings.url), { body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
