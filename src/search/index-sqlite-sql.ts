// SQL pieces of the SQLite search index: the FROM/WHERE of a query over search_fts + search_docs
// (+ similar_groups for collapsing) and the keyset conditions of cursors. Filters read search_docs'
// narrow copy of the item columns, never the wide items rows.
import { sql, type RawBuilder } from 'kysely';
import { bucketCeil, bucketFloor } from './doc-key.ts';
import { toFts5 } from './fts5-compile.ts';
import type { CursorPos, IndexQuery } from './search-index.ts';

export type Sql = RawBuilder<unknown>;

export interface QueryParts {
  from: Sql;
  where: Sql[];
  /** The document key column driving the scan. */
  key: Sql;
}

/**
 * Time range as key ranges (whole hours) plus an exact check that only the two boundary hours need;
 * `pub` is how to read a row's published_at (a column, or a lookup evaluated only at the edges).
 */
export function timeConds(key: Sql, from: number | null, to: number | null, pub: Sql): Sql[] {
  const out: Sql[] = [];
  if (from !== null) {
    out.push(sql`${key} >= ${bucketFloor(from)}`);
    // Not on an hour boundary: rows in from's own hour need the exact check.
    if (bucketFloor(from) === bucketFloor(from - 1)) out.push(sql`(${key} >= ${bucketCeil(from)} OR ${pub} >= ${from})`);
  }
  if (to !== null) {
    out.push(sql`${key} < ${bucketCeil(to - 1)}`);
    if (bucketFloor(to) === bucketFloor(to - 1)) out.push(sql`(${key} < ${bucketFloor(to)} OR ${pub} < ${to})`);
  }
  return out;
}

/** Filter conditions over search_docs' copy of the item columns (no lookup in the wide items table). */
export function filterConds(q: IndexQuery): Sql[] {
  return q.where({ id: sql`d.item_id`, platform: sql`d.platform`, source: sql`d.source_key` });
}

/** FROM and WHERE of the matching rows; `d` (search_docs) is always joined. */
export function queryParts(q: IndexQuery): QueryParts {
  const key = q.match ? sql`search_fts.rowid` : sql`d.doc_key`;
  const from: Sql[] = [q.match ? sql`search_fts JOIN search_docs d ON d.doc_key = search_fts.rowid` : sql`search_docs d`];
  if (q.collapse) from.push(sql`LEFT JOIN similar_groups g ON g.id = d.similar_group_id`);
  const where: Sql[] = [];
  if (q.match) where.push(sql`search_fts MATCH ${toFts5(q.match)}`);
  where.push(...timeConds(key, q.from, q.to, sql`d.published_at`), ...filterConds(q));
  return { from: sql.join(from, sql` `), where, key };
}

/** Parts of a count that needs no join at all: FTS5 alone (no filters, no collapsing). */
export function ftsOnlyCountParts(q: IndexQuery): { from: Sql; where: Sql[] } {
  const key = sql`search_fts.rowid`;
  const pub = sql`(SELECT published_at FROM search_docs WHERE doc_key = search_fts.rowid)`;
  return { from: sql`search_fts`, where: [sql`search_fts MATCH ${toFts5(q.match!)}`, ...timeConds(key, q.from, q.to, pub)] };
}

/** WHERE clause text (empty when there are no conditions). */
export function whereSql(conds: Sql[]): Sql {
  return conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
}

/** Rows after the cursor in newest order (published_at DESC, id DESC), with the key bound that lets FTS5 skip. */
export function afterNewest(key: Sql | null, pub: Sql, id: Sql, c: CursorPos): Sql[] {
  const exact = sql`(${pub} < ${c.publishedAt} OR (${pub} = ${c.publishedAt} AND ${id} < ${c.itemId}))`;
  return key ? [sql`${key} < ${bucketCeil(c.publishedAt)}`, exact] : [exact];
}

/** Rows after the cursor in relevance order (score ASC, id DESC). */
export function afterRelevance(score: Sql, id: Sql, c: CursorPos): Sql {
  const s = c.score ?? 0;
  return sql`(${score} > ${s} OR (${score} = ${s} AND ${id} < ${c.itemId}))`;
}
