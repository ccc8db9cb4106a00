// SQLite implementation of the search index: a contentless FTS5 table of bigram tokens whose rowid is
// an hour-ordered document key (doc-key.ts), and search_docs mapping keys to items (id, time, and the
// columns filters and collapsing read).
// Writes use prepared statements on the raw handle (the same connection as the ingest transaction);
// reads go through Kysely so they wait for a transaction in progress instead of seeing its rows.
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../store/schema.ts';
import { bucketFloor, keyFloor, nextKey, SEQ_SPAN } from './doc-key.ts';
import type { IndexDoc, IndexHit, IndexQuery, PageRequest, SearchIndex } from './search-index.ts';
import { afterNewest, afterRelevance, filterConds, ftsOnlyCountParts, queryParts, whereSql, type Sql } from './index-sqlite-sql.ts';

interface Statements {
  keyOf: BetterSqlite3.Statement<[number], number>;
  maxKey: BetterSqlite3.Statement<[number, number], number | null>;
  insFts: BetterSqlite3.Statement<[number, string, string]>;
  insDoc: BetterSqlite3.Statement<[number, number, number]>;
  delFts: BetterSqlite3.Statement<[number]>;
  delDoc: BetterSqlite3.Statement<[number]>;
}

type Row = { i: number; p: number; s?: number };

export class SqliteSearchIndex implements SearchIndex {
  private st: Statements | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly raw: BetterSqlite3.Database,
  ) {}

  // Prepared lazily: the tables exist only once migrations have run.
  private stmts(): Statements {
    if (this.st) return this.st;
    const r = this.raw;
    this.st = {
      keyOf: r.prepare<[number], number>('SELECT doc_key FROM search_docs WHERE item_id = ?').pluck(),
      maxKey: r.prepare<[number, number], number | null>('SELECT max(doc_key) FROM search_docs WHERE doc_key BETWEEN ? AND ?').pluck(),
      insFts: r.prepare('INSERT INTO search_fts(rowid, body, title) VALUES (?, ?, ?)'),
      insDoc: r.prepare(`INSERT INTO search_docs(doc_key, item_id, published_at, platform, source_key, similar_group_id)
        SELECT ?, id, ?, platform, source_key, similar_group_id FROM items WHERE id = ?`),
      delFts: r.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      delDoc: r.prepare('DELETE FROM search_docs WHERE doc_key = ?'),
    };
    return this.st;
  }

  /** Synchronous add for bulk loading (benchmarks, rebuilds); callers wrap batches in a transaction. */
  addSync(doc: IndexDoc): void {
    this.addManySync([doc]);
  }

  /**
   * Synchronous add of many documents: every search_docs row first, then every full-text row. Why the
   * order matters: FTS5 writes new entries to disk whenever SQLite opens a statement savepoint while
   * FTS5 holds pending entries, and statements such as INSERT … SELECT into a table with a UNIQUE column
   * open one. Interleaved per item, that turned every item into its own tiny index segment (plus the
   * merges that follow) — ~0.5 ms per item, three times the cost of indexing. Written last, the batch's
   * entries stay in memory until commit and reach disk as one segment.
   */
  addManySync(docs: readonly IndexDoc[]): void {
    const s = this.stmts();
    const keys: number[] = [];
    for (const doc of docs) {
      this.removeSync(doc.itemId);
      const lo = bucketFloor(doc.publishedAt);
      const key = nextKey(doc.publishedAt, s.maxKey.get(lo, lo + SEQ_SPAN - 1) ?? null);
      if (s.insDoc.run(key, doc.publishedAt, doc.itemId).changes !== 1) throw new Error(`item ${doc.itemId} does not exist`);
      keys.push(key);
    }
    docs.forEach((doc, i) => s.insFts.run(keys[i]!, doc.body, doc.title));
  }

  /** Synchronous remove, the counterpart of addSync. */
  removeSync(itemId: number): void {
    const s = this.stmts();
    const key = s.keyOf.get(itemId);
    if (key === undefined) return;
    s.delFts.run(key);
    s.delDoc.run(key);
  }

  async add(_db: Kysely<Database>, doc: IndexDoc): Promise<void> {
    this.addSync(doc);
  }

  async addMany(_db: Kysely<Database>, docs: readonly IndexDoc[]): Promise<void> {
    this.addManySync(docs);
  }

  async remove(_db: Kysely<Database>, itemId: number): Promise<void> {
    this.removeSync(itemId);
  }

  private async rows(query: RawBuilder<Row>): Promise<IndexHit[]> {
    const { rows } = await query.execute(this.db);
    return rows.map((r) => (r.s === undefined ? { itemId: r.i, publishedAt: r.p } : { itemId: r.i, publishedAt: r.p, score: r.s }));
  }

  async query(q: IndexQuery, page: PageRequest): Promise<IndexHit[]> {
    if (q.collapse) return this.rows(collapsedPage(q, page));
    const b = queryParts(q);
    if (page.order === 'relevance' && q.match) {
      const score = sql`search_fts.rank`;
      const where = page.after ? [...b.where, afterRelevance(score, sql`d.item_id`, page.after)] : b.where;
      return this.rows(sql<Row>`SELECT d.item_id AS i, d.published_at AS p, ${score} AS s FROM ${b.from} ${whereSql(where)}
        ORDER BY ${score}, d.item_id DESC LIMIT ${page.limit}`);
    }
    const where = page.after ? [...b.where, ...afterNewest(b.key, sql`d.published_at`, sql`d.item_id`, page.after)] : b.where;
    return this.newestPage(b.from, b.key, where, page.limit);
  }

  /**
   * Newest-first page: walk keys downwards in chunks (FTS5 seeks an upper rowid bound and stops at a
   * LIMIT, but scans a whole doclist for a lower bound) until the page's last row's hour is complete,
   * then sort those rows by exact time. Only that hour can hold rows out of time order.
   */
  private async newestPage(from: Sql, key: Sql, where: Sql[], limit: number): Promise<IndexHit[]> {
    type KeyedRow = Row & { k: number };
    const got: KeyedRow[] = [];
    let upper: number | null = null;
    let size = limit + 16;
    for (;;) {
      const conds: Sql[] = upper === null ? where : [...where, sql`${key} < ${upper}`];
      const { rows }: { rows: KeyedRow[] } = await sql<KeyedRow>`SELECT ${key} AS k, d.item_id AS i, d.published_at AS p FROM ${from} ${whereSql(conds)}
        ORDER BY ${key} DESC LIMIT ${size}`.execute(this.db);
      got.push(...rows);
      const last: KeyedRow | undefined = rows[rows.length - 1];
      if (rows.length < size || !last) break;
      const edge = got[limit - 1];
      if (edge && last.k < keyFloor(edge.k)) break;
      upper = last.k;
      size *= 4;
    }
    const edge = got[limit - 1];
    const floor = edge ? keyFloor(edge.k) : -Infinity;
    return got
      .filter((r) => r.k >= floor)
      .sort((a, b) => b.p - a.p || b.i - a.i)
      .slice(0, limit)
      .map((r) => ({ itemId: r.i, publishedAt: r.p }));
  }

  async count(q: IndexQuery): Promise<number> {
    let query: RawBuilder<{ n: number }>;
    if (q.collapse) {
      const b = queryParts(q);
      query = sql`SELECT count(*) AS n FROM (SELECT DISTINCT coalesce(g.first_item_id, d.item_id) AS rep FROM ${b.from} ${whereSql(b.where)}) m
        JOIN search_docs rd ON rd.item_id = m.rep`;
    } else if (q.match && filterConds(q).length === 0) {
      const b = ftsOnlyCountParts(q);
      query = sql`SELECT count(*) AS n FROM ${b.from} ${whereSql(b.where)}`;
    } else {
      const b = queryParts(q);
      query = sql`SELECT count(*) AS n FROM ${b.from} ${whereSql(b.where)}`;
    }
    const { rows } = await query.execute(this.db);
    return rows[0]?.n ?? 0;
  }
}

/** One page of similar-groups: each group that has a match, shown as its first item. */
function collapsedPage(q: IndexQuery, page: PageRequest): RawBuilder<Row> {
  const b = queryParts(q);
  const rep = sql`coalesce(g.first_item_id, d.item_id)`;
  if (page.order === 'relevance' && q.match) {
    const after: Sql[] = page.after ? [afterRelevance(sql`m.s`, sql`rd.item_id`, page.after)] : [];
    return sql<Row>`WITH m AS (SELECT ${rep} AS rep, min(search_fts.rank) AS s FROM ${b.from} ${whereSql(b.where)} GROUP BY ${rep})
      SELECT rd.item_id AS i, rd.published_at AS p, m.s AS s FROM m JOIN search_docs rd ON rd.item_id = m.rep ${whereSql(after)}
      ORDER BY m.s, rd.item_id DESC LIMIT ${page.limit}`;
  }
  const after = page.after ? afterNewest(null, sql`rd.published_at`, sql`rd.item_id`, page.after) : [];
  return sql<Row>`WITH m AS (SELECT DISTINCT ${rep} AS rep FROM ${b.from} ${whereSql(b.where)})
    SELECT rd.item_id AS i, rd.published_at AS p FROM m JOIN search_docs rd ON rd.item_id = m.rep ${whereSql(after)}
    ORDER BY rd.published_at DESC, rd.item_id DESC LIMIT ${page.limit}`;
}
