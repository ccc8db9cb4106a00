// Helpers for the search tests: real Weibo posts from the shared data, a search-only ingest, and a
// pager that follows next_cursor to the end.
import fs from 'node:fs';
import { sharedData } from '../helpers/context.ts';
import type { AppContext } from '../../src/context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { searchIndexStage } from '../../src/search/stage.ts';
import { parseSearchRequest } from '../../src/search/request.ts';
import { search, type SearchResultItem } from '../../src/search/search.ts';

export interface Post {
  external_id: string;
  content: string;
  published_at: number;
  platform: 'weibo';
  source: string;
}

/** The first `n` Weibo posts with text, as item inputs (epoch-second times, distinct external ids). */
export function weiboPosts(n: number): Post[] {
  const lines = fs.readFileSync(sharedData('events/weibo-originals.jsonl'), 'utf8').trim().split('\n');
  const out: Post[] = [];
  for (const l of lines) {
    const r = JSON.parse(l) as { file: string; text: string; time: number | string };
    // `time` is mostly epoch seconds, sometimes a date string ("Tue Sep 11 19:23:20 +0800 2012").
    const t = typeof r.time === 'number' ? r.time : Date.parse(r.time) / 1000;
    if (r.text.trim().length < 2 || !Number.isFinite(t)) continue;
    out.push({ external_id: r.file, content: r.text, published_at: Math.floor(t), platform: 'weibo', source: 'weibo' });
    if (out.length === n) break;
  }
  return out;
}

/** Ingest through the search stage only (fast, and independent of other stages' behaviour). */
export async function ingestForSearch(ctx: AppContext, items: unknown[]): Promise<number[]> {
  const s = await ingest(ctx, items, { stages: [searchIndexStage] });
  const bad = s.results.find((r) => r.status !== 'added');
  if (bad) throw new Error(`test item ${bad.index} not added: ${JSON.stringify(bad)}`);
  return s.results.map((r) => r.id!);
}

/** Run a search with request fields as the API takes them. */
export async function find(ctx: AppContext, fields: Record<string, unknown>) {
  return search(ctx, parseSearchRequest(fields));
}

/** Follow next_cursor until the end; returns every item and the totals each page reported. */
export async function allPages(ctx: AppContext, fields: Record<string, unknown>): Promise<{ items: SearchResultItem[]; totals: number[]; pages: number }> {
  const items: SearchResultItem[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const r = await find(ctx, { ...fields, ...(cursor ? { cursor } : {}) });
    items.push(...r.items);
    totals.push(r.total);
    cursor = r.next_cursor ?? undefined;
    pages++;
    if (pages > 10_000) throw new Error('pagination does not end');
  } while (cursor);
  return { items, totals, pages };
}
