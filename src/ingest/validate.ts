// Validation of one submitted item: the zod schema plus rules that need the clock and time zone.
import { createHash } from 'node:crypto';
import type { ZodError } from 'zod';
import { itemInputSchema } from './item-schema.ts';
import { parsePublishedAt } from './published-at.ts';
import { canonicalUrl } from './canonical-url.ts';
import { normalise } from '../text/normalise.ts';
import type { PreparedItem } from './prepared.ts';

export type Rejection = { field: string; reason: string };

export interface ValidateOptions {
  tz: string;
  now: number;
  index: number;
  /** Set when the item arrives through a registered source (collector or push endpoint). */
  source?: { id: number; key: string; platform?: string } | undefined;
}

function describeZod(err: ZodError): Rejection {
  const issue = err.issues[0];
  if (!issue) return { field: '(item)', reason: 'invalid' };
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys.join(','), reason: `unknown field(s): ${issue.keys.join(', ')}` };
  }
  const field = issue.path.length ? issue.path.join('.') : '(item)';
  return { field, reason: issue.message };
}

/** Validate and prepare one item, or say which field is wrong and why. */
export function validateItem(raw: unknown, opts: ValidateOptions): PreparedItem | Rejection {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { field: '(item)', reason: 'expected a JSON object' };
  }
  const parsed = itemInputSchema.safeParse(raw);
  if (!parsed.success) return describeZod(parsed.error);
  const it = parsed.data;
  const title = (it.title ?? '').trim();
  const content = (it.content ?? '').trim();
  const parentExternalId = it.parent_external_id ?? null;
  // A bare repost ("转发微博" with no text) is still evidence of spread when it names its parent.
  if (!title && !content && !parentExternalId) {
    return { field: 'content', reason: 'title and content are both empty' };
  }
  let publishedAt = opts.now;
  if (it.published_at !== undefined && it.published_at !== null) {
    const p = parsePublishedAt(it.published_at, opts.tz, opts.now);
    if ('error' in p) return { field: 'published_at', reason: p.error };
    publishedAt = p.ms;
  }
  let canon: string | null = null;
  if (it.url) {
    const c = canonicalUrl(it.url);
    if (c === null) return { field: 'url', reason: `not an absolute http(s) URL: ${JSON.stringify(it.url.slice(0, 200))}` };
    canon = c;
  }
  const sourceKey = opts.source?.key ?? it.source ?? null;
  const norm = normalise(`${title}\n${content}`);
  return {
    index: opts.index,
    input: it,
    raw,
    sourceId: opts.source?.id ?? null,
    sourceKey,
    externalId: it.external_id ?? null,
    url: it.url ?? null,
    canonicalUrl: canon,
    title,
    content,
    author: it.author ?? null,
    platform: it.platform ?? (opts.source?.platform as PreparedItem['platform'] | undefined) ?? 'other',
    publishedAt,
    collectedAt: opts.now,
    parentExternalId,
    metrics: it.metrics ?? {},
    contentHash: createHash('sha256').update(norm.replace(/\s+/g, '')).digest('hex'),
    norm,
    enrich: {},
  };
}

/** Type guard separating rejections from prepared items. */
export function isRejection(v: PreparedItem | Rejection): v is Rejection {
  return 'reason' in v && !('index' in v);
}
