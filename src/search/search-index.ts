// The small interface behind which the dialect-specific full-text index lives. The SQLite version
// (index-sqlite.ts) uses FTS5 over character bigrams; a PostgreSQL version can implement the same
// contract (pg_bigm or a tsvector of the same bigram tokens) without touching callers.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/db.ts';
import type { QueryNode } from './query-ast.ts';
import type { FilterBuilder } from './filters.ts';
import { SqliteSearchIndex } from './index-sqlite.ts';

/**
 * One item as the index stores it: the space-joined tokens of its normalised title and content. The
 * item row must exist: the index copies its platform, source and similar-group for fast filtering.
 */
export interface IndexDoc {
  itemId: number;
  publishedAt: number;
  title: string;
  body: string;
}

export type SearchOrder = 'newest' | 'relevance';

/** What to match: a parsed query (null = everything), a time range and the other filters. */
export interface IndexQuery {
  match: QueryNode | null;
  /** published_at range in ms, from inclusive, to exclusive. */
  from: number | null;
  to: number | null;
  /** Filter conditions over the columns the back-end supplies (none: `() => []`). */
  where: FilterBuilder;
  /** One row per similar-group: the group's first item. */
  collapse: boolean;
}

/** Where a page ended: the last item's time and id and, in relevance order, its score. */
export interface CursorPos {
  publishedAt: number;
  itemId: number;
  score?: number;
}

export interface PageRequest {
  order: SearchOrder;
  after: CursorPos | null;
  limit: number;
}

/** One match; newest order is published_at DESC, item id DESC; relevance is score ASC (bm25), id DESC. */
export type IndexHit = CursorPos;

export interface SearchIndex {
  /** Index (or re-index) an item; `db` is the transaction it must write in. */
  add(db: Kysely<Database>, doc: IndexDoc): Promise<void>;
  /** Index several items (an ingest batch) inside the caller's transaction; the same as add() for each. */
  addMany(db: Kysely<Database>, docs: readonly IndexDoc[]): Promise<void>;
  /** Drop an item from the index (a no-op when it is not there). */
  remove(db: Kysely<Database>, itemId: number): Promise<void>;
  /** One page of matches in the requested order, starting after `page.after`. */
  query(q: IndexQuery, page: PageRequest): Promise<IndexHit[]>;
  /** Exact number of matches (of groups when collapsing). */
  count(q: IndexQuery): Promise<number>;
}

const indexes = new WeakMap<Store, SearchIndex>();

/** The search index of a store (one instance per store). */
export function searchIndexFor(store: Store): SearchIndex {
  let idx = indexes.get(store);
  if (!idx) {
    if (store.dialect !== 'sqlite' || !store.sqlite) throw new Error(`no search index for the ${store.dialect} store yet`);
    idx = new SqliteSearchIndex(store.db, store.sqlite);
    indexes.set(store, idx);
  }
  return idx;
}
