// A loopback site for collector tests: an RSS feed whose entries change over time (with ETag / 304),
// plus routes that fail in the ways real sites do. Counts the requests each path received.
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface Entry {
  guid: string;
  title: string;
  description: string;
  author: string;
  /** Epoch ms. */
  published: number;
  path: string;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class FeedSite {
  readonly entries: Entry[] = [];
  readonly hits = new Map<string, number>();
  readonly routes = new Map<string, Route>();
  notModifiedCount = 0;
  private server: http.Server;
  private hanging = new Set<http.ServerResponse>();
  base = '';

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  /** Listen on 127.0.0.1 with a free port. */
  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Add an entry to the feed at /feed.xml (newest first). */
  add(e: Omit<Entry, 'path'> & { path?: string }): void {
    this.entries.unshift({ path: `/a/${encodeURIComponent(e.guid)}.html`, ...e });
  }

  hitCount(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  /** The RSS 2.0 document of the current entries. */
  rss(feedPath = '/feed.xml'): string {
    const items = this.entries.map((e) => `<item><guid isPermaLink="false">${esc(e.guid)}</guid><title>${esc(e.title)}</title><link>${this.base}${e.path}</link><author>${esc(e.author)}</author><pubDate>${new Date(e.published).toUTCString()}</pubDate><description>${esc(e.description)}</description></item>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>融水新闻</title><link>${this.base}${feedPath}</link><description>test</description>${items.join('')}</channel></rss>`;
  }

  /** Answer this request with the feed, honouring If-None-Match. */
  serveFeed(req: http.IncomingMessage, res: http.ServerResponse): void {
    const body = Buffer.from(this.rss(req.url ?? '/feed.xml'));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      this.notModifiedCount++;
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'x-test': 'yes' }).end(body);
  }

  /** Keep the request open without answering (until close). */
  hang(res: http.ServerResponse): void {
    this.hanging.add(res);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    const route = this.routes.get(path);
    if (route) return route(req, res);
    if (path === '/feed.xml') return this.serveFeed(req, res);
    const e = this.entries.find((x) => x.path === path);
    if (e) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><h1>${esc(e.title)}</h1><p>${esc(e.description)}</p></body></html>`);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/**
 * Options that keep scheduler tests fast: no politeness gap, robots not consulted. The deadline stays
 * generous: the first ingest of a process loads the analysis models, a CPU stall of seconds during
 * which a concurrent loopback fetch would otherwise "time out".
 */
export const FAST = { hostMinDelayMs: 0, fetchTimeoutMs: 15_000, robots: false, jitterRatio: 0.1 } as const;
