// Fetch the article pages behind list entries (html lists, sitemaps, summary-only feeds) and merge
// what the list said with what the page says. Known URLs are skipped before any fetch.
import pLimit from 'p-limit';
import { decodeBody } from '../../charset.ts';
import { plausibleDate, toItemInput } from '../common/item.ts';
import type { SourceRun } from '../common/run.ts';
import { extractArticle, type ArticleSelectors } from './article.ts';
import type { ListEntry } from './list.ts';

export interface ArticleOptions {
  selectors?: ArticleSelectors | undefined;
  /** Fetch each entry's page (default true); false builds items from the list alone. */
  fetchArticles: boolean;
  /** At most this many new entries per run. */
  maxArticles: number;
  /** Article pages fetched at once (the scheduler's host gate still applies). */
  concurrency?: number | undefined;
  /** The capture of the list page, for entries that do not name their own, when pages are not fetched. */
  listCapture: number;
}

const truncated = (t: string | undefined) => !t || /(\.\.\.|…|\.\.)$/.test(t);

/** Add one item per new entry to the run, in list order. */
export async function collectArticles(run: SourceRun, entries: ListEntry[], o: ArticleOptions): Promise<void> {
  const fresh = entries.filter((e) => !run.isKnown(e.url)).slice(0, o.maxArticles);
  const limit = pLimit(Math.max(1, o.concurrency ?? 2));
  const results = await Promise.all(fresh.map((e) => limit(() => articleItem(run, e, o))));
  for (const r of results) if (r) run.add(r.item, r.capture);
}

async function articleItem(run: SourceRun, e: ListEntry, o: ArticleOptions) {
  const opts = { tz: run.tz, now: run.now, platform: run.platform };
  if (!o.fetchArticles) {
    return { item: toItemInput({ external_id: e.externalId ?? e.url, url: e.url, title: e.title, content: e.summary, author: e.author, published: e.time }, opts), capture: e.capture ?? o.listCapture };
  }
  const got = await run.tryFetch(e.url, 'article');
  if (!got) return null;
  const { text } = decodeBody(got.res.body, got.res.headers['content-type'], 'html');
  const a = extractArticle(text, o.selectors);
  if (o.selectors?.body && !a.content) run.errors.push(`article ${e.url}: body selector ${JSON.stringify(o.selectors.body)} matched nothing`);
  const sel = o.selectors ?? {};
  const title = sel.title && a.title ? a.title : truncated(e.title) ? a.title ?? e.title : e.title;
  const author = sel.author && a.author ? a.author : e.author ?? a.author;
  // The page's own date is usually fuller than the list's ("02-01"); either may be unparseable.
  const published = plausibleDate(a.published, run.tz, run.now) ?? plausibleDate(e.time, run.tz, run.now);
  const item = toItemInput({ external_id: e.externalId ?? e.url, url: e.url, title, content: a.content ?? e.summary, author, published }, opts);
  return { item, capture: got.capture };
}
