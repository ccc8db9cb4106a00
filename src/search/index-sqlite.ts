// SQLite implementation of the search index: a contentless FTS5 table of bigram tokens whose rowid is
// a time-ordered document key (doc-key.ts), and search_docs mapping keys to item ids.
// Writes use prepared statements on the raw handle (the same connection as the ingest transaction).
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../store/schema.ts';
import { keyFloor, nextKey, parseKey, SEQ_SPAN } from './doc-key.ts';
import { toFts5 } from './fts5-compile.ts';
import type { CursorPos, IndexDoc, IndexHit, IndexQuery, PageRequest, SearchIndex } from './search-index.ts';

interface Statements {
  keyOf: BetterSqlite3.Statement<[number], bigint>;
  maxKey: BetterSqlite3.Statement<[bigint, bigint], bigint | null>;
  insFts: BetterSqlite3.Statement<[bigint, string, string]>;
  insDoc: BetterSqlite3.Statement<[bigint, number]>;
  delFts: BetterSqlite3.Statement<[bigint]>;
  delDoc: BetterSqlite3.Statement<[bigint]>;
}

type Row = { id: number; k: string; s?: number };

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
      keyOf: r.prepare<[number], bigint>('SELECT doc_key FROM search_docs WHERE item_id = ?').pluck().safeIntegers(true),
      maxKey: r.prepare<[bigint, bigint], bigint | null>('SELECT max(doc_key) FROM search_docs WHERE doc_key BETWEEN ? AND ?').pluck().safeIntegers(true),
      insFts: r.prepare('INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)'),
      insDoc: r.prepare('INSERT INTO search_docs(doc_key, item_id) VALUES (?, ?)'),
      delFts: r.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      delDoc: r.prepare('DELETE FROM search_docs WHERE doc_key = ?'),
    };
    return this.st;
  }

  /** Synchronous add for bulk loading (benchmarks, rebuilds); callers wrap batches in a transaction. */
  addSync(doc: IndexDoc): void {
    const s = this.stmts();
    this.removeSync(doc.itemId);
    const lo = keyFloor(doc.publishedAt);
    const key = nextKey(doc.publishedAt, s.maxKey.get(lo, lo + SEQ_SPAN - 1n) ?? null);
    s.insFts.run(key, doc.title, doc.body);
    s.insDoc.run(key, doc.itemId);
  }

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

  async remove(_db: Kysely<Database>, itemId: number): Promise<void> {
    this.removeSync(itemId);
  }

  /** FROM + WHERE shared by listing and counting. */
  private body(q: IndexQuery): { from: RawBuilder<unknown>; where: RawBuilder<unknown>[]; key: RawBuilder<unknown> } {
    const key = q.match ? sql`search_fts.rowid` : sql`d.doc_key`;
    const parts: RawBuilder<unknown>[] = [
      q.match ? sql`search_fts JOIN search_docs d ON d.doc_key = search_fts.rowid` : sql`search_docs d`,
    ];
    if (q.where.length > 0 || q.collapse) parts.push(sql`JOIN items i ON i.id = d.item_id`);
    if (q.collapse) parts.push(sql`LEFT JOIN similar_groups g ON g.id = i.similar_group_id`);
    const where: RawBuilder<unknown>[] = [];
    if (q.match) where.push(sql`search_fts MATCH ${toFts5(q.match)}`);
    if (q.from !== null) where.push(sql`${key} >= ${keyFloor(q.from)}`);
    if (q.to !== null) where.push(sql`${key} < ${keyFloor(q.to)}`);
    where.push(...q.where);
    return { from: sql.join(parts, sql` `), where, key };
  }

  async query(q: IndexQuery, page: PageRequest): Promise<IndexHit[]> {
    const relevance = page.order === 'relevance' && q.match !== null;
    const after = page.after ? parseKey(page.after.key) : null;
    const b = this.body(q);
    const whereSql = (extra: RawBuilder<unknown>[]) => {
      const all = [...b.where, ...extra];
      return all.length ? sql`WHERE ${sql.join(all, sql` AND `)}` : sql``;
    };
    let query: RawBuilder<Row>;
    if (!q.collapse) {
      const score = sql`search_fts.rank`;
      const cond = after === null ? [] : relevance ? [seek(score, b.key, page.after!, after)] : [sql`${b.key} < ${after}`];
      query = relevance
        ? sql<Row>`SELECT d.item_id AS id, CAST(${b.key} AS TEXT) AS k, ${score} AS s FROM ${b.from} ${whereSql(cond)} ORDER BY ${score}, ${b.key} DESC LIMIT ${page.limit}`
        : sql<Row>`SELECT d.item_id AS id, CAST(${b.key} AS TEXT) AS k FROM ${b.from} ${whereSql(cond)} ORDER BY ${b.key} DESC LIMIT ${page.limit}`;
    } else {
      const rep = sql`coalesce(g.first_item_id, d.item_id)`;
      const m = relevance
        ? sql`SELECT ${rep} AS rep, min(search_fts.rank) AS s FROM ${b.from} ${whereSql([])} GROUP BY ${rep}`
        : sql`SELECT DISTINCT ${rep} AS rep FROM ${b.from} ${whereSql([])}`;
      const cond = after === null ? sql`` : relevance ? sql`WHERE ${seek(sql`m.s`, sql`rd.doc_key`, page.after!, after)}` : sql`WHERE rd.doc_key < ${after}`;
      query = relevance
        ? sql<Row>`WITH m AS (${m}) SELECT rd.item_id AS id, CAST(rd.doc_key AS TEXT) AS k, m.s AS s FROM m JOIN search_docs rd ON rd.item_id = m.rep ${cond} ORDER BY m.s, rd.doc_key DESC LIMIT ${page.limit}`
        : sql<Row>`WITH m AS (${m}) SELECT rd.item_id AS id, CAST(rd.doc_key AS TEXT) AS k FROM m JOIN search_docs rd ON rd.item_id = m.rep ${cond} ORDER BY rd.doc_key DESC LIMIT ${page.limit}`;
    }
    const { rows } = await query.execute(this.db);
    return rows.map((r) => ({ itemId: r.id, pos: r.s === undefined ? { key: r.k } : { key: r.k, score: r.s } }));
  }

  async count(q: IndexQuery): Promise<number> {
    const b = this.body(q);
    const where = b.where.length ? sql`WHERE ${sql.join(b.where, sql` AND `)}` : sql``;
    const query = q.collapse
      ? sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT DISTINCT coalesce(g.first_item_id, d.item_id) AS rep FROM ${b.from} ${where}) m JOIN search_docs rd ON rd.item_id = m.rep`
      : sql<{ n: number }>`SELECT count(*) AS n FROM ${b.from} ${where}`;
    const { rows } = await query.execute(this.db);
    return rows[0]?.n ?? 0;
  }
}

/** Keyset condition for relevance order (score ascending, key descending). */
function seek(score: RawBuilder<unknown>, key: RawBuilder<unknown>, pos: CursorPos, after: bigint): RawBuilder<unknown> {
  const s = pos.score ?? 0;
  return sql`(${score} > ${s} OR (${score} = ${s} AND ${key} < ${after}))`;
}
