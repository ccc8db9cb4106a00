// The `feed` source kind: fetch, decode bytes first (GB2312/Big5 feeds), parse, adapt; optionally fetch
// each new entry's page for full text when the feed carries only summaries.
import { z } from 'zod';
import { decodeBody } from '../../charset.ts';
import type { SourceRun } from '../common/run.ts';
import { resolveUrl } from '../common/url.ts';
import { articleSelectorsSchema } from '../html/article.ts';
import { collectArticles } from '../html/articles.ts';
import { feedToItems } from './adapter.ts';
import { parseFeedText } from './parse.ts';

export const feedSettingsSchema = z
  .object({
    /** Entries kept per run, newest first as the feed lists them (default 200). */
    maxItems: z.number().int().min(1).max(2000).optional(),
    /** Fetch each new entry's page and extract its full text (default false). */
    fetchArticles: z.boolean().optional(),
    article: articleSelectorsSchema.optional(),
    maxArticles: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type FeedSettings = z.infer<typeof feedSettingsSchema>;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Collect a feed into the run; returns its charset (null on 304). Unreadable feeds throw YQ_ERR_FEED_PARSE. */
export async function collectFeed(run: SourceRun, url: string, s: FeedSettings): Promise<{ charset: string | null; notModified: boolean }> {
  const { res, capture } = await run.fetch(url, { accept: FEED_ACCEPT });
  if (res.notModified) return { charset: null, notModified: true };
  const type = res.headers['content-type'] ?? '';
  const isJson = /json/i.test(type) || /^\s*\{/.test(res.body.subarray(0, 64).toString('latin1'));
  const decoded = decodeBody(res.body, type, isJson ? 'json' : 'xml');
  const feed = parseFeedText(decoded.text);
  if (feed.repaired) run.errors.push(`feed ${res.finalUrl}: broken XML read leniently (${feed.repaired})`);
  // Content-Location, when sent, is the document's own address for resolving relative links.
  const docUrl = resolveUrl(res.headers['content-location'], res.finalUrl) ?? res.finalUrl;
  const items = feedToItems(feed, { docUrl, tz: run.tz, now: run.now, platform: run.platform }).slice(0, s.maxItems ?? 200);
  const fresh = items.filter((i) => !run.isKnown(i.external_id == null ? null : String(i.external_id), i.url));
  if (!s.fetchArticles) {
    for (const item of fresh) run.add(item, capture);
  } else {
    const withUrl = fresh.filter((i) => i.url);
    for (const item of fresh) if (!item.url) run.add(item, capture);
    const entries = withUrl.map((i) => ({
      url: i.url!, externalId: i.external_id == null ? undefined : String(i.external_id), title: i.title ?? undefined, time: i.published_at == null ? undefined : String(i.published_at),
      author: i.author ?? undefined, summary: i.content ?? undefined, capture,
    }));
    await collectArticles(run, entries, { selectors: s.article, fetchArticles: true, maxArticles: s.maxArticles ?? 30, listCapture: capture });
  }
  return { charset: decoded.charset, notModified: false };
}
