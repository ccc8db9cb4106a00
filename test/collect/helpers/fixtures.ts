// Fixture access for collector tests: our own pages beside the tests, a fetcher bound to loopback.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createFetcher } from '../../../src/collect/http/from-config.ts';
import { RobotsCache } from '../../../src/collect/http/robots.ts';
import type { CollectFetch } from '../../../src/collect/http/types.ts';

/** Text of a fixture in test/collect/fixtures, with {{key}} placeholders filled. */
export function fixture(name: string, vars: Record<string, string> = {}): string {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../fixtures', name), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

/** The text as GBK bytes, the way a legacy Chinese forum serves it. */
export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** A collector fetch allowed to reach loopback, with its own robots cache and short timeouts. */
export function loopbackFetch(): CollectFetch {
  return createFetcher(
    { allowPrivateNetworks: true, userAgent: 'YuqingTest/1.0', httpProxy: '' },
    { robotsCache: new RobotsCache(), timeoutMs: 3000 },
  );
}
