// Builds ItemInput objects that ingest will accept: lengths clipped, implausible dates dropped.
import { createHash } from 'node:crypto';
import { PLATFORMS, type ItemInput, type Metrics, type Platform } from '../../../ingest/item-schema.ts';
import { parseChineseDate } from '../../dates.ts';

export interface ItemDraft {
  external_id?: string | number | null | undefined;
  url?: string | null | undefined;
  title?: string | null | undefined;
  content?: string | null | undefined;
  author?: string | null | undefined;
  /** A date as the site printed it, or epoch ms. */
  published?: string | number | null | undefined;
  parent_external_id?: string | number | null | undefined;
  metrics?: Metrics | undefined;
}

const LIMITS = { external_id: 512, url: 4096, title: 2000, content: 1_000_000, author: 512 };
const DAY = 86_400_000;
const MIN_DATE = Date.UTC(1990, 0, 1);

const clip = (s: string | null | undefined, n: number): string | undefined => {
  const t = s?.trim();
  return t ? [...t].slice(0, n).join('') : undefined;
};

/** Epoch ms for a printed date, or undefined when unparseable or implausible (before 1990, over a day ahead). */
export function plausibleDate(v: string | number | null | undefined, tz: string, now: number): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const t = typeof v === 'number' ? v : parseChineseDate(v, { tz, now });
  return t !== null && t >= MIN_DATE && t <= now + DAY ? t : undefined;
}

/** Turn a draft into the item JSON form; undefined fields are left out. */
export function toItemInput(d: ItemDraft, o: { tz: string; now: number; platform?: string | undefined }): ItemInput {
  const item: ItemInput = {};
  const id = d.external_id ?? undefined;
  if (id !== undefined && String(id).trim()) item.external_id = clip(String(id), LIMITS.external_id);
  if (d.url && d.url.length <= LIMITS.url) item.url = d.url;
  const title = clip(d.title, LIMITS.title);
  if (title) item.title = title;
  const content = clip(d.content, LIMITS.content);
  if (content) item.content = content;
  const author = clip(d.author, LIMITS.author);
  if (author) item.author = author;
  const t = plausibleDate(d.published, o.tz, o.now);
  if (t !== undefined) item.published_at = new Date(t).toISOString();
  if (d.parent_external_id !== undefined && d.parent_external_id !== null && String(d.parent_external_id)) {
    item.parent_external_id = clip(String(d.parent_external_id), LIMITS.external_id);
  }
  if (d.metrics && Object.keys(d.metrics).length) item.metrics = d.metrics;
  if (o.platform && (PLATFORMS as readonly string[]).includes(o.platform)) item.platform = o.platform as Platform;
  return item;
}

/** A stable id for entries that carry neither id nor link. */
export function contentId(...parts: (string | null | undefined)[]): string {
  return `sha1:${createHash('sha1').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex')}`;
}
