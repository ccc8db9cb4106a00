// The state of one collection run shared by the source kinds: fetch with evidence capture, errors, "known".
import { createHash } from 'node:crypto';
import type { ItemInput } from '../../../ingest/item-schema.ts';
import type { CollectFetch, FetchRequestOptions, FetchResult } from '../../http/types.ts';
import { YqError } from '../../../errors.ts';

/** A raw response kept as evidence (取证): exactly what was fetched, when, and its SHA-256. */
export interface Capture {
  /** The URL requested (what items link to). */
  url: string;
  /** The URL that answered after redirects. */
  finalUrl: string;
  fetchedAt: number;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  sha256: string;
}

/** An item with the index of the capture it was extracted from. */
export interface CollectedItem {
  item: ItemInput;
  capture: number;
}

export interface RunDeps {
  fetch: CollectFetch;
  tz: string;
  now: number;
  /** True for an external id or URL already stored for this source: skip before fetching its page. */
  known?: ((externalIdOrUrl: string) => boolean) | undefined;
}

/** One collection run: fetches record their captures; per-page failures are collected, not thrown. */
export class SourceRun {
  readonly captures: Capture[] = [];
  readonly errors: string[] = [];
  readonly items: CollectedItem[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly deps: RunDeps, readonly platform: string | undefined) {}

  get tz(): string {
    return this.deps.tz;
  }
  get now(): number {
    return this.deps.now;
  }

  /** Fetch and keep the response as a capture; returns the result and the capture's index. */
  async fetch(url: string, opts?: FetchRequestOptions): Promise<{ res: FetchResult; capture: number }> {
    const res = await this.deps.fetch(url, opts);
    const capture = this.captures.length;
    this.captures.push({
      url: res.url, finalUrl: res.finalUrl, fetchedAt: res.fetchedAt, status: res.status,
      headers: res.headers, body: res.body, sha256: createHash('sha256').update(res.body).digest('hex'),
    });
    return { res, capture };
  }

  /** Like fetch, but a failure becomes an error line and null (one bad article must not stop the rest). */
  async tryFetch(url: string, what: string, opts?: FetchRequestOptions): Promise<{ res: FetchResult; capture: number } | null> {
    try {
      return await this.fetch(url, opts);
    } catch (e) {
      this.errors.push(`${what} ${url}: ${e instanceof YqError ? e.message : String(e)}`);
      return null;
    }
  }

  /** True when the scheduler already has this id or URL. */
  isKnown(...keys: (string | null | undefined)[]): boolean {
    const known = this.deps.known;
    return !!known && keys.some((k) => !!k && known(k));
  }

  /** Add an item once per external id (else URL); duplicates within a run collapse to the first. */
  add(item: ItemInput, capture: number): boolean {
    const key = item.external_id != null ? `id:${String(item.external_id)}` : item.url ? `url:${item.url}` : null;
    if (key) {
      if (this.seen.has(key)) return false;
      this.seen.add(key);
    }
    this.items.push({ item, capture });
    return true;
  }
}
