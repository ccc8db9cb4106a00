// Group robots of the office messengers: WeCom (企业微信), DingTalk (钉钉) and Feishu (飞书), each with its
// own message format and, for DingTalk and Feishu, its own request signing.
import crypto from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { toMarkdown, toText, type Message } from '../message.ts';
import type { ResolvedChannel } from './repo.ts';
import { checkRobotAnswer, postJson, withQuery } from './http.ts';

/** WeCom limits markdown content to 4096 bytes; cut by characters well under it. */
const WECOM_MAX_CHARS = 1300;

/** WeCom group robot: msgtype markdown; the robot key goes in the `key` query parameter. */
export async function sendWecom(ctx: AppContext, ch: ResolvedChannel, m: Message): Promise<void> {
  const url = ch.secrets.token ? withQuery(String(ch.settings.url), { key: ch.secrets.token }) : String(ch.settings.url);
  const content = toMarkdown(m);
  const r = await postJson(ctx, url, { msgtype: 'markdown', markdown: { content: content.length > WECOM_MAX_CHARS ? `${content.slice(0, WECOM_MAX_CHARS)}…` : content } });
  checkRobotAnswer(r, ['errcode']);
}

/** DingTalk signing: base64 HMAC-SHA256 of `${timestamp}\n${secret}` keyed with the secret (URL-encoded by the caller's URL API). */
export function dingtalkSign(secret: string, timestampMs: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** DingTalk robot: msgtype markdown; access_token, timestamp (ms) and sign in the query. */
export async function sendDingtalk(ctx: AppContext, ch: ResolvedChannel, m: Message): Promise<void> {
  const q: Record<string, string> = {};
  if (ch.secrets.token) q.access_token = ch.secrets.token;
  if (ch.secrets.secret) {
    const ts = String(ctx.clock.now());
    q.timestamp = ts;
    q.sign = dingtalkSign(ch.secrets.secret, ts);
  }
  const r = await postJson(ctx, withQuery(String(ch.settings.url), q), { msgtype: 'markdown', markdown: { title: m.title, text: toMarkdown(m) } });
  checkRobotAnswer(r, ['errcode']);
}

/** Feishu signing: `${timestamp}\n${secret}` is the HMAC-SHA256 key over an empty message; base64. */
export function feishuSign(secret: string, timestampS: string): string {
  return crypto.createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');
}

/** Feishu robot: a `post` (rich text) message; timestamp (s) and sign in the body; hook id in the path. */
export async function sendFeishu(ctx: AppContext, ch: ResolvedChannel, m: Message): Promise<void> {
  const base = String(ch.settings.url).replace(/\/+$/, '');
  const url = ch.secrets.token ? `${base}/${encodeURIComponent(ch.secrets.token)}` : base;
  const lines = toText({ ...m, title: '', ack_url: null }).split('\n').filter((l) => l !== '');
  const content = lines.map((l) => [{ tag: 'text', text: l }]);
  if (m.ack_url) content.push([{ tag: 'a', text: '确认收到', href: m.ack_url } as { tag: string; text: string }]);
  const body: Record<string, unknown> = { msg_type: 'post', content: { post: { zh_cn: { title: m.title, content } } } };
  if (ch.secrets.secret) {
    const ts = String(Math.floor(ctx.clock.now() / 1000));
    body.timestamp = ts;
    body.sign = feishuSign(ch.secrets.secret, ts);
  }
  const r = await postJson(ctx, url, body);
  checkRobotAnswer(r, ['code', 'StatusCode']);
}
