// Collector figures on one core: feed entries decoded+parsed+adapted per second over the real feeds in
// shared/data, article pages extracted per second (Readability path and selector path), and
// guarded-client fetches per second over loopback.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeBody } from '../src/collect/charset.ts';
import { guardedFetch } from '../src/collect/http/client.ts';
import { RobotsCache } from '../src/collect/http/robots.ts';
import { feedToItems } from '../src/collect/sources/feed/adapter.ts';
import { parseFeedText } from '../src/collect/sources/feed/parse.ts';
import { extractArticle } from '../src/collect/sources/html/article.ts';
import { SHARED_DATA } from './_corpus.ts';

const FIXTURES = path.join(import.meta.dirname, '../test/collect/fixtures');

function feedFiles(): Buffer[] {
  const dirs = ['feeds/chinese-legacy/GB2312', 'feeds/chinese-legacy/Big5', 'feeds/rss-parser', 'feeds/miniflux/reader/parser/testdata'];
  return dirs.flatMap((d) =>
    fs.readdirSync(path.join(SHARED_DATA, d)).filter((f) => /\.(xml|rss|atom)$/.test(f)).map((f) => fs.readFileSync(path.join(SHARED_DATA, d, f))),
  );
}

/** Repeat `work` (returning units done) until `ms` have passed; units per second. */
function rate(ms: number, work: () => number): number {
  let units = 0;
  const start = performance.now();
  while (performance.now() - start < ms) units += work();
  return units / ((performance.now() - start) / 1000);
}

function parseAll(files: Buffer[]): number {
  let n = 0;
  for (const body of files) {
    try {
      const feed = parseFeedText(decodeBody(body, undefined, 'xml').text);
      n += feedToItems(feed, { docUrl: 'http://bench.example/feed', tz: 'Asia/Shanghai', now: Date.now() }).length;
    } catch {
      // Non-feeds among the fixtures (an HTML page) count as work, not entries.
    }
  }
  return n;
}

async function fetchRate(ms: number): Promise<number> {
  const page = fs.readFileSync(path.join(FIXTURES, 'news-article.html'));
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a.html`;
  const robotsCache = new RobotsCache();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await guardedFetch(url, { allowPrivate: true, robotsCache });
    n++;
  }
  const perS = n / ((performance.now() - start) / 1000);
  server.close();
  return perS;
}

/** Run the collector benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const ms = opts.quick ? 2000 : 8000;
  const files = feedFiles();
  parseAll(files); // warm-up
  const feedEntries = rate(ms, () => parseAll(files));
  const news = fs.readFileSync(path.join(FIXTURES, 'news-article.html'), 'utf8');
  const news2 = fs.readFileSync(path.join(FIXTURES, 'news-article-2.html'), 'utf8');
  const thread = fs.readFileSync(path.join(FIXTURES, 'forum-thread.html'), 'utf8').replace('{{body}}', '帖子正文。'.repeat(200));
  const readability = rate(ms, () => {
    extractArticle(news);
    extractArticle(news2);
    return 2;
  });
  const selectors = rate(ms, () => {
    extractArticle(thread, { body: 'td.t_f', time: 'em[id^=authorposton]', author: '.authi a.xw1' });
    return 1;
  });
  return {
    feed_entries_parsed_per_s: Math.round(feedEntries),
    feed_fixture_files: files.length,
    pages_extracted_per_s: Math.round(readability),
    pages_extracted_selectors_per_s: Math.round(selectors),
    loopback_fetches_per_s: Math.round(await fetchRate(opts.quick ? 1000 : 4000)),
  };
}
