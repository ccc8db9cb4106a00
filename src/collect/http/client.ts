// The one guarded HTTP client every user-supplied URL goes through: address policy with DNS pinning
// on every redirect hop, robots.txt, one deadline, size and decompression limits, conditional GET.
import type { IncomingMessage } from 'node:http';
import { YqError } from '../../errors.ts';
import { resolveChecked } from './address-policy.ts';
import { readLimitedBody } from './body.ts';
import { sendHop } from './request.ts';
import { defaultRobotsCache, type RobotsLoad } from './robots.ts';
import type { FetchResult, GuardedFetchOptions } from './types.ts';
import { describeNetworkError, headerRecord } from './util.ts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_UA = 'Yuqing/0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024;

/** Fetch a URL under the operator's policy; throws YqError (FETCH_BLOCKED/FAILED/TIMEOUT/TOO_LARGE). */
export async function guardedFetch(url: string, opts: GuardedFetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetchHops(url, opts, controller.signal);
  } catch (e) {
    if (controller.signal.aborted) {
      throw new YqError('YQ_ERR_FETCH_TIMEOUT', `${url}: no complete answer within ${timeoutMs} ms`, { cause: e });
    }
    if (e instanceof YqError) throw e;
    throw new YqError('YQ_ERR_FETCH_FAILED', `${url}: ${describeNetworkError(e)}`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(raw: string, base?: URL): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    throw new YqError('YQ_ERR_FETCH_BLOCKED', `not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new YqError('YQ_ERR_FETCH_BLOCKED', `only http and https URLs are fetched, not ${u.protocol} (${u.href.slice(0, 200)})`);
  }
  u.hash = '';
  return u;
}

function requestHeaders(opts: GuardedFetchOptions): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': opts.userAgent ?? DEFAULT_UA,
    accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/json;q=0.8,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
  };
  if (opts.etag) h['if-none-match'] = opts.etag;
  if (opts.lastModified) h['if-modified-since'] = opts.lastModified;
  for (const [k, v] of Object.entries(opts.headers ?? {})) h[k.toLowerCase()] = v;
  return h;
}

async function fetchHops(url: string, opts: GuardedFetchOptions, signal: AbortSignal): Promise<FetchResult> {
  const now = opts.now ?? Date.now;
  const proxy = opts.proxy ? parseHttpUrl(opts.proxy) : undefined;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = parseHttpUrl(url);
  let method = opts.method ?? 'GET';
  let body = opts.body;
  let headers = requestHeaders(opts);
  const redirects: string[] = [];
  const visited = new Set([current.href]);
  for (;;) {
    const address = await resolveChecked(current.hostname, opts.allowPrivate ?? false, opts.allowCidrs);
    if (opts.robots !== false && current.pathname !== '/robots.txt') await checkRobots(current, opts, signal);
    const res = await sendHop({ url: current, method, headers, body, address, proxy, signal });
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (REDIRECTS.has(status) && location) {
      res.resume();
      const next = parseHttpUrl(location, current);
      if (visited.has(next.href)) {
        throw new YqError('YQ_ERR_FETCH_FAILED', `redirect loop: ${[url, ...redirects, next.href].join(' → ')}`);
      }
      if (redirects.length >= maxRedirects) {
        throw new YqError('YQ_ERR_FETCH_FAILED', `more than ${maxRedirects} redirects: ${[url, ...redirects, next.href].join(' → ')}`);
      }
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      // Credentials meant for one site never follow a redirect to another.
      if (next.origin !== current.origin) headers = withoutCredentials(headers);
      redirects.push(next.href);
      visited.add(next.href);
      current = next;
      continue;
    }
    return finish(url, current, res, status, redirects, opts, method, now());
  }
}

function withoutCredentials(h: Record<string, string>): Record<string, string> {
  const { authorization: _a, cookie: _c, ...rest } = h;
  return rest;
}

async function finish(
  url: string, current: URL, res: IncomingMessage, status: number, redirects: string[],
  opts: GuardedFetchOptions, method: string, fetchedAt: number,
): Promise<FetchResult> {
  const headers = headerRecord(res.headers);
  const base = { url, finalUrl: current.href, status, headers, fetchedAt, redirects, etag: headers.etag, lastModified: headers['last-modified'] };
  if (status === 304) {
    res.resume();
    return { ...base, body: Buffer.alloc(0), notModified: true, etag: headers.etag ?? opts.etag, lastModified: headers['last-modified'] ?? opts.lastModified };
  }
  if (status >= 400 && opts.throwOnHttpError !== false) {
    res.resume();
    throw new YqError('YQ_ERR_FETCH_FAILED', `${current.href} answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, { details: { status } });
  }
  const body = method === 'HEAD' ? Buffer.alloc(0) : await readLimitedBody(res, current.href, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  return { ...base, body, notModified: false };
}

async function checkRobots(target: URL, opts: GuardedFetchOptions, signal: AbortSignal): Promise<void> {
  const cache = opts.robotsCache ?? defaultRobotsCache;
  const ua = opts.userAgent ?? DEFAULT_UA;
  const load = async (robotsUrl: string): Promise<RobotsLoad> => {
    try {
      const r = await fetchHops(robotsUrl, {
        ...opts, method: 'GET', body: undefined, headers: {}, etag: undefined, lastModified: undefined,
        robots: false, throwOnHttpError: false, maxBytes: ROBOTS_MAX_BYTES, accept: 'text/plain,*/*;q=0.5',
      }, signal);
      return { status: r.status, body: r.body.toString('utf8') };
    } catch (e) {
      if (signal.aborted) throw e;
      if (e instanceof YqError && e.code === 'YQ_ERR_FETCH_TOO_LARGE') return { status: 200, body: '' };
      return { error: e instanceof YqError ? e.message : describeNetworkError(e) };
    }
  };
  const verdict = await cache.check(target, ua, load, (opts.now ?? Date.now)());
  if (!verdict.allowed) throw new YqError('YQ_ERR_FETCH_BLOCKED', `${target.href}: ${verdict.reason}`);
}
