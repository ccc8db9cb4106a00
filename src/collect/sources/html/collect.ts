// The `html` source kind: a list page (and its next pages) by CSS selectors, then each new article page.
import { z } from 'zod';
import { decodeBody } from '../../charset.ts';
import type { SourceRun } from '../common/run.ts';
import { articleSelectorsSchema } from './article.ts';
import { collectArticles } from './articles.ts';
import { fieldSchema } from './fields.ts';
import { listSelectorsSchema, nextPageUrl, parseList, type ListEntry } from './list.ts';

const paginationSchema = z
  .object({
    /** Selector of the next-page link ("下一页"): `a.next`, `a:contains(下一页)`. */
    next: fieldSchema.optional(),
    /** Or a URL pattern for pages after the first, e.g. "https://x.gov.cn/gzdt/index_{page}.html". */
    template: z.string().includes('{page}', { message: 'must contain {page}' }).optional(),
    /** The {page} number of the second page (index_1.html → 1). Default 2. */
    first: z.number().int().min(0).max(1000).optional(),
    /** Pages read per run, the first included. Default 3. */
    pages: z.number().int().min(1).max(50).optional(),
  })
  .strict()
  .refine((p) => p.next || p.template, { message: 'pagination needs "next" or "template"' });

export const htmlSettingsSchema = z
  .object({
    list: listSelectorsSchema,
    article: articleSelectorsSchema.optional(),
    /** Fetch each entry's own page (default true). */
    fetchArticles: z.boolean().optional(),
    /** New article pages per run (default 30). */
    maxArticles: z.number().int().min(1).max(500).optional(),
    concurrency: z.number().int().min(1).max(8).optional(),
    pagination: paginationSchema.optional(),
  })
  .strict();
export type HtmlSettings = z.infer<typeof htmlSettingsSchema>;

function pageAfter(s: HtmlSettings, n: number, $: ReturnType<typeof parseList>['$'], pageUrl: string): string | undefined {
  const p = s.pagination;
  if (!p) return undefined;
  if (p.next) return nextPageUrl($, pageUrl, p.next);
  return p.template?.replace('{page}', String((p.first ?? 2) + n - 2));
}

/** Collect the list pages and new articles into the run; returns the first page's charset (null on 304). */
export async function collectHtml(run: SourceRun, url: string, s: HtmlSettings): Promise<{ charset: string | null; notModified: boolean }> {
  const pages = s.pagination ? s.pagination.pages ?? 3 : 1;
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  let charset: string | null = null;
  let firstCapture = 0;
  let pageUrl: string | undefined = url;
  for (let n = 1; n <= pages && pageUrl && !seen.has(pageUrl); n++) {
    seen.add(pageUrl);
    const got = n === 1 ? await run.fetch(pageUrl) : await run.tryFetch(pageUrl, 'list page');
    if (!got) break;
    if (got.res.notModified) return { charset: null, notModified: true };
    const decoded = decodeBody(got.res.body, got.res.headers['content-type'], 'html');
    if (n === 1) {
      charset = decoded.charset;
      firstCapture = got.capture;
    }
    const list = parseList(decoded.text, got.res.finalUrl, s.list);
    if (list.matched === 0) run.errors.push(`list page ${got.res.finalUrl}: item selector ${JSON.stringify(s.list.item)} matched nothing`);
    else if (list.entries.length === 0) run.errors.push(`list page ${got.res.finalUrl}: ${list.matched} items matched but none had a link`);
    for (const e of list.entries) entries.push({ ...e, capture: got.capture });
    // Everything on this page is already stored: older pages will be too.
    if (list.entries.length > 0 && list.entries.every((e) => run.isKnown(e.url))) break;
    pageUrl = pageAfter(s, n + 1, list.$, got.res.finalUrl);
  }
  const unique = entries.filter((e, i) => entries.findIndex((x) => x.url === e.url) === i);
  await collectArticles(run, unique, {
    selectors: s.article, fetchArticles: s.fetchArticles ?? true, maxArticles: s.maxArticles ?? 30,
    concurrency: s.concurrency, listCapture: firstCapture,
  });
  return { charset, notModified: false };
}
