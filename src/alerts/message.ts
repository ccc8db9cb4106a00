// The message a delivery carries, rendered once at enqueue time and stored with the delivery (so a
// retry sends exactly what was first meant); each channel turns it into its own format.
import { SEVERITY_ZH, type Severity } from './severity.ts';

export type MessageKind = 'alert' | 'escalation' | 'digest' | 'report' | 'source' | 'test';

export interface MessageItem {
  id: number | null;
  title: string;
  url: string | null;
  published_at: string | null;
}

export interface Message {
  kind: MessageKind;
  severity: Severity;
  /** Subject line, e.g. 【较大·舆情预警】… */
  title: string;
  /** Body paragraphs, plain text. */
  lines: string[];
  items: MessageItem[];
  alert_id: number | null;
  /** Signed link that acknowledges the alert without logging in. */
  ack_url: string | null;
  /** Structured facts for machine receivers (webhook JSON). */
  data: Record<string, unknown>;
}

/** Subject prefix by kind and severity. */
export function subjectPrefix(kind: MessageKind, severity: Severity): string {
  const zh = SEVERITY_ZH[severity];
  switch (kind) {
    case 'escalation': return `【${zh}·升级提醒】`;
    case 'digest': return '【舆情预警汇总】';
    case 'report': return '【重点时段舆情专报】';
    case 'source': return `【${zh}·信息源异常】`;
    case 'test': return '【测试消息】';
    default: return `【${zh}·舆情预警】`;
  }
}

/** Plain-text rendering (e-mail text part, SMS, Feishu). */
export function toText(m: Message): string {
  const out = [m.title, '', ...m.lines];
  if (m.items.length) {
    out.push('', '相关信息：');
    for (const it of m.items) out.push(`- ${it.title}${it.url ? ` ${it.url}` : ''}`);
  }
  if (m.ack_url) out.push('', `确认收到：${m.ack_url}`);
  return out.join('\n');
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]])/g, '\\$1');

/** Markdown rendering (WeCom, DingTalk). */
export function toMarkdown(m: Message): string {
  const out = [`### ${mdEscape(m.title)}`, ...m.lines.map((l) => `> ${mdEscape(l)}`)];
  for (const it of m.items) out.push(it.url ? `- [${mdEscape(it.title)}](${it.url})` : `- ${mdEscape(it.title)}`);
  if (m.ack_url) out.push('', `[确认收到](${m.ack_url})`);
  return out.join('\n');
}

const htmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** HTML rendering (e-mail). */
export function toHtml(m: Message): string {
  const items = m.items.map((it) => `<li>${it.url ? `<a href="${htmlEscape(it.url)}">${htmlEscape(it.title)}</a>` : htmlEscape(it.title)}</li>`).join('');
  return [
    `<h3>${htmlEscape(m.title)}</h3>`,
    ...m.lines.map((l) => `<p>${htmlEscape(l)}</p>`),
    items ? `<p>相关信息：</p><ul>${items}</ul>` : '',
    m.ack_url ? `<p><a href="${htmlEscape(m.ack_url)}">确认收到</a></p>` : '',
  ].join('\n');
}

/** Cut a text to n characters with an ellipsis. */
export function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}
