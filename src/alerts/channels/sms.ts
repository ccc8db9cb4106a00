// SMS through an HTTP gateway: the operator gives the URL, method and a body template with
// {{phone}}, {{text}} and {{secret.NAME}} placeholders; values are escaped for where they land.
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { clip, type Message } from '../message.ts';
import type { ResolvedChannel } from './repo.ts';
import { channelRequest } from './http.ts';

/** Texts are kept to what one long SMS carries. */
export const SMS_MAX_CHARS = 300;

/** The short text of an SMS: subject, first line, acknowledgement link. */
export function smsText(m: Message): string {
  const parts = [m.title, m.lines[0] ?? '', m.ack_url ? `确认：${m.ack_url}` : ''].filter(Boolean);
  return clip(parts.join(' '), SMS_MAX_CHARS);
}

/** Fill the placeholders; `escape` makes a value safe for the target (JSON string, form, URL). */
export function fillTemplate(tpl: string, values: Record<string, string>, escape: (v: string) => string): string {
  return tpl.replace(/\{\{\s*([a-z_.][a-z0-9_.]*)\s*\}\}/gi, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new YqError('YQ_ERR_CONFIG', `SMS template placeholder {{${name}}} has no value`);
    return escape(v);
  });
}

const jsonEscape = (v: string) => JSON.stringify(v).slice(1, -1);

/** Send one SMS to `phone`. */
export async function sendSms(ctx: AppContext, ch: ResolvedChannel, phone: string, m: Message): Promise<void> {
  const s = ch.settings as { url: string; method?: 'GET' | 'POST'; template?: string; content_type?: 'json' | 'form'; headers?: Record<string, string> };
  const values: Record<string, string> = { phone, text: smsText(m) };
  for (const [k, v] of Object.entries(ch.secrets)) values[`secret.${k}`] = v;
  const url = fillTemplate(s.url, values, encodeURIComponent);
  if ((s.method ?? 'POST') === 'GET') {
    await channelRequest(ctx, url, { method: 'GET', headers: s.headers });
    return;
  }
  const json = (s.content_type ?? 'json') === 'json';
  const body = fillTemplate(s.template ?? '{"phone":"{{phone}}","text":"{{text}}"}', values, json ? jsonEscape : encodeURIComponent);
  const type = json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded; charset=utf-8';
  await channelRequest(ctx, url, { method: 'POST', body, headers: { 'content-type': type, ...(s.headers ?? {}) } });
}
