// One collection of one source: validate its settings, fetch, decode, parse and adapt to items, with
// every fetched response kept as a capture. The scheduler and `source test` both call this.
import type { ZodError, ZodType } from 'zod';
import { YqError } from '../errors.ts';
import type { ItemInput } from '../ingest/item-schema.ts';
import type { CollectFetch } from './http/types.ts';
import { SourceRun, type Capture } from './sources/common/run.ts';
import { collectFeed, feedSettingsSchema } from './sources/feed/collect.ts';
import { collectHtml, htmlSettingsSchema } from './sources/html/collect.ts';
import { collectJsonApi, jsonApiSettingsSchema } from './sources/json_api/collect.ts';
import { collectSitemap, sitemapSettingsSchema } from './sources/sitemap/collect.ts';

export type { Capture } from './sources/common/run.ts';
export type CollectKind = 'feed' | 'html' | 'sitemap' | 'json_api';

export interface CollectSource {
  kind: CollectKind;
  url: string;
  settings: unknown;
  platform?: string | undefined;
}

export interface CollectDeps {
  fetch: CollectFetch;
  tz: string;
  now: number;
  /** True when an external id or URL is already stored: such entries are skipped before their pages are fetched. */
  known?: ((externalIdOrUrl: string) => boolean) | undefined;
}

export interface CollectOnceResult {
  /** Charset of the source's own document (feed, list page, sitemap, first API page); null on 304. */
  charset: string | null;
  items: ItemInput[];
  /** Every response fetched, in order (取证). */
  captures: Capture[];
  /** Per-page problems that did not stop the run (an article that 404s, a selector that matched nothing). */
  errors: string[];
  /** For items[i], the index in captures of the response it was extracted from. */
  itemCaptures: number[];
  /** The source's own URL answered 304 Not Modified: nothing to do. */
  notModified: boolean;
}

export const SETTINGS_SCHEMAS: Record<CollectKind, ZodType> = {
  feed: feedSettingsSchema,
  html: htmlSettingsSchema,
  sitemap: sitemapSettingsSchema,
  json_api: jsonApiSettingsSchema,
};

function describe(kind: CollectKind, err: ZodError): string {
  const issue = err.issues[0];
  if (!issue) return `invalid settings for a ${kind} source`;
  const where = ['settings', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') return `${where}: unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} for a ${kind} source`;
  return `${where}: ${issue.message}`;
}

/** Validate a source's collector settings for its kind; throws YQ_ERR_VALIDATION naming the key at fault. */
export function validateSourceSettings(kind: CollectKind, settings: unknown): unknown {
  const schema = SETTINGS_SCHEMAS[kind];
  if (!schema) throw new YqError('YQ_ERR_VALIDATION', `kind: ${JSON.stringify(kind)} cannot be collected (expected feed, html, sitemap or json_api)`);
  const parsed = schema.safeParse(settings ?? {});
  if (!parsed.success) throw new YqError('YQ_ERR_VALIDATION', describe(kind, parsed.error), { details: parsed.error.issues });
  return parsed.data;
}

/**
 * Collect once. Failures of the source's own document (unreachable, blocked, unparseable) throw YqError;
 * failures of secondary pages are returned in `errors` beside whatever items were collected.
 */
export async function collectOnce(source: CollectSource, deps: CollectDeps): Promise<CollectOnceResult> {
  const settings = validateSourceSettings(source.kind, source.settings);
  const run = new SourceRun(deps, source.platform);
  let out: { charset: string | null; notModified: boolean };
  switch (source.kind) {
    case 'feed':
      out = await collectFeed(run, source.url, settings as Parameters<typeof collectFeed>[2]);
      break;
    case 'html':
      out = await collectHtml(run, source.url, settings as Parameters<typeof collectHtml>[2]);
      break;
    case 'sitemap':
      out = await collectSitemap(run, source.url, settings as Parameters<typeof collectSitemap>[2]);
      break;
    case 'json_api':
      out = await collectJsonApi(run, source.url, settings as Parameters<typeof collectJsonApi>[2]);
      break;
  }
  return {
    charset: out.charset,
    items: run.items.map((i) => i.item),
    captures: run.captures,
    errors: run.errors,
    itemCaptures: run.items.map((i) => i.capture),
    notModified: out.notModified,
  };
}
