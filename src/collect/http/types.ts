// Shapes shared by the guarded HTTP client and the collectors that call it.
import type { RobotsCache } from './robots.ts';

/** Per-request options a collector may set (the rest comes from configuration). */
export interface FetchRequestOptions {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Conditional GET: sent as If-None-Match; a 304 answer comes back as notModified. */
  etag?: string;
  /** Conditional GET: sent as If-Modified-Since. */
  lastModified?: string;
  /** Overrides the client's limit for this request (never raises it above what the caller allows). */
  maxBytes?: number;
  /** Extra Accept header; defaults to a browser-like list. */
  accept?: string;
}

/** Everything guardedFetch needs: request options plus the operator's policy. */
export interface GuardedFetchOptions extends FetchRequestOptions {
  /** Fetch private, loopback, link-local addresses too (YUQING_ALLOW_PRIVATE_NETWORKS). Default false. */
  allowPrivate?: boolean;
  /** Non-public ranges allowed even when allowPrivate is false, e.g. ['10.1.2.3/32'] for one intranet site. */
  allowCidrs?: readonly string[];
  userAgent?: string;
  /** One deadline for connecting, every redirect hop and reading the body. Default 20 s. */
  timeoutMs?: number;
  /** Largest body kept, counted after decompression. Default 20 MB. */
  maxBytes?: number;
  /** Redirects followed; each hop is re-checked against the address policy and robots.txt. Default 5. */
  maxRedirects?: number;
  /** Honour robots.txt (default true). */
  robots?: boolean;
  /** Robots cache to use; defaults to one per process. */
  robotsCache?: RobotsCache;
  /** http:// proxy URL ('' or undefined: direct). HTTPS goes through CONNECT. */
  proxy?: string;
  /** Throw YQ_ERR_FETCH_FAILED on 4xx/5xx (default true). */
  throwOnHttpError?: boolean;
  /** Clock for fetchedAt and robots TTL; defaults to Date.now. */
  now?: () => number;
}

/** One fetched response (after redirects). */
export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, names lowercased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The decompressed body; empty on 304 and HEAD. */
  body: Buffer;
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
  /** Each URL redirected to, in order. */
  redirects: string[];
}

/** The function collectors fetch through (guardedFetch with the policy already bound). */
export type CollectFetch = (url: string, opts?: FetchRequestOptions) => Promise<FetchResult>;
