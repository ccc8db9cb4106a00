// The `sitemap` source kind: a sitemap or sitemap index (children followed, bounded) gives URLs,
// newest first; each new page is fetched and extracted like an html article.
import { z } from 'zod';
import { YqError } from '../../../errors.ts';
import { decodeBody } from '../../charset.ts';
import type { SourceRun } from '../common/run.ts';
import { articleSelectorsSchema } from '../html/article.ts';
import { collectArticles } from '../html/articles.ts';
import type { ListEntry } from '../html/list.ts';
import { gunzipIfNeeded, parseSitemap, type SitemapUrl } from './parse.ts';

const regex = z.string().min(1).refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const sitemapSettingsSchema = z
  .object({
    /** Only URLs matching this regular expression (e.g. "/gzdt/|/tzgg/"). */
    include: regex.optional(),
    exclude: regex.optional(),
    /** Child sitemaps read from an index per run, newest first (default 5). */
    maxSitemaps: z.number().int().min(1).max(50).optional(),
    maxArticles: z.number().int().min(1).max(500).optional(),
    fetchArticles: z.boolean().optional(),
    article: articleSelectorsSchema.optional(),
    concurrency: z.number().int().min(1).max(8).optional(),
  })
  .strict();
export type SitemapSettings = z.infer<typeof sitemapSettingsSchema>;

const MAX_INFLATED = 50 * 1024 * 1024;
const byDateDesc = (a?: string, b?: string) => (b ?? '').localeCompare(a ?? '');

function textOf(body: Buffer, contentType: string | undefined): string {
  return decodeBody(gunzipIfNeeded(body, MAX_INFLATED), contentType, 'xml').text;
}

/** Collect a sitemap's new pages into the run; returns the sitemap's charset (null on 304). */
export async function collectSitemap(run: SourceRun, url: string, s: SitemapSettings): Promise<{ charset: string | null; notModified: boolean }> {
  const main = await run.fetch(url, { accept: 'application/xml, text/xml;q=0.9, */*;q=0.5' });
  if (main.res.notModified) return { charset: null, notModified: true };
  const decoded = decodeBody(gunzipIfNeeded(main.res.body, MAX_INFLATED), main.res.headers['content-type'], 'xml');
  const top = parseSitemap(decoded.text, main.res.finalUrl);
  const urls: (SitemapUrl & { capture: number })[] = [];
  if (top.kind === 'urlset') {
    urls.push(...top.urls.map((u) => ({ ...u, capture: main.capture })));
  } else {
    const children = [...top.sitemaps].sort((a, b) => byDateDesc(a.lastmod, b.lastmod)).slice(0, s.maxSitemaps ?? 5);
    for (const child of children) {
      const got = await run.tryFetch(child.loc, 'child sitemap');
      if (!got) continue;
      try {
        const parsed = parseSitemap(textOf(got.res.body, got.res.headers['content-type']), got.res.finalUrl);
        // Indexes nested in indexes are not followed: the bound on fetches stays obvious.
        if (parsed.kind === 'index') run.errors.push(`child sitemap ${child.loc} is itself an index; not followed`);
        else urls.push(...parsed.urls.map((u) => ({ ...u, capture: got.capture })));
      } catch (e) {
        run.errors.push(e instanceof YqError ? e.message : String(e));
      }
    }
  }
  const include = s.include ? new RegExp(s.include) : null;
  const exclude = s.exclude ? new RegExp(s.exclude) : null;
  const entries: ListEntry[] = urls
    .filter((u) => (!include || include.test(u.loc)) && !(exclude && exclude.test(u.loc)))
    .sort((a, b) => byDateDesc(a.newsDate ?? a.lastmod, b.newsDate ?? b.lastmod))
    .map((u) => ({ url: u.loc, title: u.newsTitle, time: u.newsDate ?? u.lastmod, capture: u.capture }));
  if (urls.length === 0) run.errors.push(`sitemap ${main.res.finalUrl} lists no URLs`);
  await collectArticles(run, entries, {
    selectors: s.article, fetchArticles: s.fetchArticles ?? true, maxArticles: s.maxArticles ?? 30,
    concurrency: s.concurrency, listCapture: main.capture,
  });
  return { charset: decoded.charset, notModified: false };
}
