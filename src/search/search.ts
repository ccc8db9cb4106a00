// search(): parse the query, turn the request into index terms and filters, fetch one page and the
// exact total, then load the items with highlights and their similar-group counts (转载数).
import type { AppContext } from '../context.ts';
import { YqError } from '../errors.ts';
import { getItems, itemToJson } from '../store/items.ts';
import type { ItemJson } from '../ingest/item-schema.ts';
import { parseQuery } from './query-parser.ts';
import { positiveTerms } from './query-ast.ts';
import { filterConditions } from './filters.ts';
import { parseTimeBound } from './time-bound.ts';
import { decodeCursor, encodeCursor, searchFingerprint } from './cursor.ts';
import { highlight, type Highlights } from './highlight.ts';
import { searchIndexFor, type IndexQuery, type SearchOrder } from './search-index.ts';
import type { SearchRequest } from './request.ts';

export interface SearchResultItem extends ItemJson {
  highlights: Highlights;
  /** Other items in the same similar-group (reposts and near-copies). */
  similar_count: number;
}

export interface SearchResponse {
  total: number;
  items: SearchResultItem[];
  next_cursor: string | null;
}

function bound(value: string | undefined, ctx: AppContext, edge: 'from' | 'to'): number | null {
  if (value === undefined || value.trim() === '') return null;
  const ms = parseTimeBound(value, ctx.config.timezone, edge);
  if (ms === null) {
    throw new YqError('YQ_ERR_VALIDATION', `${edge}: expected an ISO 8601 date or date-time, got ${JSON.stringify(value)}`, { details: { field: edge } });
  }
  return ms;
}

/** The index query a request describes (parses q; throws YqError naming the field or position). */
export async function buildIndexQuery(ctx: AppContext, req: SearchRequest): Promise<IndexQuery> {
  const match = parseQuery(req.q);
  const from = bound(req.from, ctx, 'from');
  const to = bound(req.to, ctx, 'to');
  if (from !== null && to !== null && from >= to) {
    throw new YqError('YQ_ERR_VALIDATION', 'to: must be later than from', { details: { field: 'to' } });
  }
  return { match, from, to, where: await filterConditions(ctx.store.db, req), collapse: req.collapse };
}

/** Run a search request: one page of items newest-first or by relevance, with the exact total. */
export async function search(ctx: AppContext, req: SearchRequest): Promise<SearchResponse> {
  const q = await buildIndexQuery(ctx, req);
  // Without words there is nothing to rank: relevance falls back to newest-first.
  const order: SearchOrder = q.match ? req.order : 'newest';
  const { cursor, limit, ...defining } = req;
  const fingerprint = searchFingerprint({ ...defining, order });
  const after = cursor ? decodeCursor(cursor, order, fingerprint) : null;
  const index = searchIndexFor(ctx.store);
  const hits = await index.query(q, { order, after: after?.pos ?? null, limit: limit + 1 });
  // Later pages carry the first page's total: counting again would cost as much as the first page.
  const total = after ? after.total : await index.count(q);
  const page = hits.slice(0, limit);
  const rows = await getItems(ctx.store.db, page.map((h) => h.itemId));
  const sizes = await groupSizes(ctx, rows.map((r) => r.similar_group_id).filter((g): g is number => g !== null));
  const terms = q.match ? positiveTerms(q.match) : [];
  const items = rows.map((row) => ({
    ...itemToJson(row),
    highlights: highlight(row.title, row.content, terms),
    similar_count: row.similar_group_id === null ? 0 : Math.max(0, (sizes.get(row.similar_group_id) ?? 1) - 1),
  }));
  const last = page[page.length - 1];
  return { total, items, next_cursor: hits.length > limit && last ? encodeCursor(order, last, total, fingerprint) : null };
}

async function groupSizes(ctx: AppContext, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.store.db.selectFrom('similar_groups').select(['id', 'size']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.size]));
}
