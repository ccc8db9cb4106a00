// The `json_api` source kind: an official JSON API read through a field mapping, page by page.
import { z } from 'zod';
import { YqError } from '../../../errors.ts';
import type { Metrics } from '../../../ingest/item-schema.ts';
import { decodeBody } from '../../charset.ts';
import { contentId, toItemInput } from '../common/item.ts';
import type { SourceRun } from '../common/run.ts';
import { htmlToText, inlineText } from '../common/text.ts';
import { resolveUrl } from '../common/url.ts';
import { getPath, parseCount, readMapped } from './paths.ts';

const path = z.string().max(500);
const METRICS = ['reposts', 'comments', 'likes', 'views'] as const;

export const jsonApiSettingsSchema = z
  .object({
    /** Dot path to the array of items ("data.list"); "" for a top-level array. */
    items: path,
    fields: z
      .object({
        external_id: path.optional(), url: path.optional(), title: path.optional(), content: path.optional(),
        author: path.optional(), published_at: path.optional(), parent_external_id: path.optional(),
        'metrics.reposts': path.optional(), 'metrics.comments': path.optional(), 'metrics.likes': path.optional(), 'metrics.views': path.optional(),
      })
      .strict(),
    method: z.enum(['GET', 'POST']).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** JSON body for POST requests. */
    body: z.record(z.string(), z.unknown()).optional(),
    pagination: z
      .object({
        /** Query parameter (GET) or body field (POST) carrying the page number or cursor. */
        param: z.string().min(1),
        /** Page numbers: first page number (default 1). */
        start: z.number().int().min(0).optional(),
        /** Cursor paging: dot path to the next cursor in each response. */
        cursor: path.optional(),
        pages: z.number().int().min(1).max(50),
      })
      .strict()
      .optional(),
  })
  .strict();
export type JsonApiSettings = z.infer<typeof jsonApiSettingsSchema>;

function pageRequest(url: string, s: JsonApiSettings, page: number, cursor: unknown) {
  const p = s.pagination;
  const value = p ? (p.cursor ? cursor : (p.start ?? 1) + page - 1) : undefined;
  const paged = p && value !== undefined && value !== null;
  const method = s.method ?? 'GET';
  const u = new URL(url);
  if (paged && method === 'GET') u.searchParams.set(p.param, String(value));
  const body = method === 'POST' ? JSON.stringify({ ...s.body, ...(paged ? { [p.param]: value } : {}) }) : undefined;
  const headers = { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...s.headers };
  return { url: u.href, opts: { method, headers, body } };
}

const asText = (v: unknown): string | undefined => (v === undefined || v === null || typeof v === 'object' ? undefined : String(v));

function mapItem(raw: unknown, s: JsonApiSettings, pageUrl: string, run: SourceRun) {
  const f = s.fields;
  const get = (k: keyof JsonApiSettings['fields']) => (f[k] ? readMapped(raw, f[k]!) : undefined);
  const metrics: Metrics = {};
  for (const m of METRICS) {
    const n = parseCount(get(`metrics.${m}`));
    if (n !== undefined) metrics[m] = n;
  }
  const url = resolveUrl(asText(get('url')), pageUrl);
  const content = asText(get('content'));
  const published = get('published_at');
  const title = inlineText(asText(get('title')));
  return toItemInput({
    external_id: asText(get('external_id')) ?? url ?? contentId(title, content),
    url, title, content: content && /<[a-z][^>]*>/i.test(content) ? htmlToText(content) : content,
    author: asText(get('author')), parent_external_id: asText(get('parent_external_id')), metrics,
    // Epoch numbers: milliseconds when that large, else seconds.
    published: typeof published === 'number' ? (published > 1e12 ? published : published * 1000) : asText(published),
  }, { tz: run.tz, now: run.now, platform: run.platform });
}

/** Collect the API's pages into the run; the first page's failures throw, later ones become errors. */
export async function collectJsonApi(run: SourceRun, url: string, s: JsonApiSettings): Promise<{ charset: string | null; notModified: boolean }> {
  let charset: string | null = null;
  let cursor: unknown;
  for (let page = 1; page <= (s.pagination?.pages ?? 1); page++) {
    const req = pageRequest(url, s, page, cursor);
    const got = page === 1 ? await run.fetch(req.url, req.opts) : await run.tryFetch(req.url, 'API page', req.opts);
    if (!got) break;
    if (got.res.notModified) return { charset: null, notModified: true };
    try {
      const decoded = decodeBody(got.res.body, got.res.headers['content-type'], 'json');
      if (page === 1) charset = decoded.charset;
      let doc: unknown;
      try {
        doc = JSON.parse(decoded.text);
      } catch (e) {
        throw new YqError('YQ_ERR_FEED_PARSE', `${got.res.finalUrl}: response is not JSON (${(e as Error).message})`);
      }
      const list = getPath(doc, s.items);
      if (!Array.isArray(list)) {
        const keys = doc && typeof doc === 'object' ? Object.keys(doc).slice(0, 10).join(', ') : typeof doc;
        throw new YqError('YQ_ERR_FEED_PARSE', `${got.res.finalUrl}: items path ${JSON.stringify(s.items)} is not an array (top-level keys: ${keys})`);
      }
      for (const raw of list) {
        const item = mapItem(raw, s, got.res.finalUrl, run);
        if (!run.isKnown(item.external_id == null ? null : String(item.external_id), item.url)) run.add(item, got.capture);
      }
      cursor = s.pagination?.cursor ? getPath(doc, s.pagination.cursor) : undefined;
      if (list.length === 0 || (s.pagination?.cursor && (cursor === undefined || cursor === null || cursor === ''))) break;
    } catch (e) {
      if (page === 1) throw e;
      run.errors.push(e instanceof YqError ? e.message : String(e));
      break;
    }
  }
  return { charset, notModified: false };
}
