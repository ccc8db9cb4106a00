// Stored analysis: the tables of migration 2026112706_analysis and the queries that write and read them.
import { CompiledQuery, type DialectAdapter, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { ItemAnalysis, RegionHit, RiskHit, SentimentLabel } from './types.ts';

export interface ItemAnalysisTable {
  item_id: number;
  sentiment_label: SentimentLabel;
  sentiment_score: number;
  keywords_json: string;
  regions_json: string;
  risks_json: string;
}

export interface ItemRegionsTable {
  item_id: number;
  code: string;
  level: string;
}

export interface ItemRisksTable {
  item_id: number;
  category: string;
  score: number;
}

export type AnalysisTables = {
  item_analysis: ItemAnalysisTable;
  item_regions: ItemRegionsTable;
  item_risks: ItemRisksTable;
};

/** The database with the analysis tables visible to Kysely. */
export function analysisDb(db: Kysely<Database>): Kysely<Database & AnalysisTables> {
  return db.withTables<AnalysisTables>();
}

/** Write one item's analysis (inside the caller's transaction): the row, its regions and its risks. */
export async function writeAnalysis(trx: Kysely<Database>, itemId: number, a: ItemAnalysis): Promise<void> {
  const w = new AnalysisWriter();
  w.add(itemId, a);
  await w.flush(trx);
}

type TableName = keyof AnalysisTables;
const COLUMNS: { [T in TableName]: (keyof AnalysisTables[T] & string)[] } = {
  item_analysis: ['item_id', 'sentiment_label', 'sentiment_score', 'keywords_json', 'regions_json', 'risks_json'],
  item_regions: ['item_id', 'code', 'level'],
  item_risks: ['item_id', 'category', 'score'],
};
/** Largest rows per INSERT (6 columns × 256 stays far under every bound-parameter limit). */
const MAX_ROWS = 256;

const insertSqlByAdapter = new WeakMap<DialectAdapter, Map<string, string>>();

/** SQL of a `rows`-row INSERT into `table`, compiled by Kysely once per dialect and shape. */
function insertSql(db: Kysely<Database & AnalysisTables>, table: TableName, rows: number): string {
  const adapter = db.getExecutor().adapter;
  let m = insertSqlByAdapter.get(adapter);
  if (!m) insertSqlByAdapter.set(adapter, (m = new Map()));
  const shape = `${table}:${rows}`;
  let text = m.get(shape);
  if (text === undefined) {
    const row = Object.fromEntries(COLUMNS[table].map((c) => [c, 0]));
    text = db.insertInto(table).values(new Array(rows).fill(row)).compile().sql;
    m.set(shape, text);
  }
  return text;
}

/**
 * Analyses of a batch of items, written together: one multi-row INSERT per table and chunk instead of
 * up to three statements per item. Rows go in in the order they were added, as item-by-item writes did.
 * Chunks are powers of two, so few statement shapes exist (a cache of prepared statements stays small).
 */
export class AnalysisWriter {
  private readonly params: { [T in TableName]: unknown[] } = { item_analysis: [], item_regions: [], item_risks: [] };

  add(itemId: number, a: ItemAnalysis): void {
    this.params.item_analysis.push(
      itemId, a.sentiment.label, a.sentiment.score, JSON.stringify(a.keywords), JSON.stringify(a.regions), JSON.stringify(a.risks),
    );
    for (const r of a.regions) this.params.item_regions.push(itemId, r.code, r.level);
    for (const r of a.risks) this.params.item_risks.push(itemId, r.category, r.score);
  }

  /** Write everything added (inside the caller's transaction) and start empty. */
  async flush(trx: Kysely<Database>): Promise<void> {
    const db = analysisDb(trx);
    for (const table of ['item_analysis', 'item_regions', 'item_risks'] as const) {
      const params = this.params[table];
      this.params[table] = [];
      const width = COLUMNS[table].length;
      let rows = params.length / width;
      for (let at = 0; rows > 0; ) {
        let n = MAX_ROWS;
        while (n > rows) n >>= 1;
        await db.executeQuery(CompiledQuery.raw(insertSql(db, table, n), params.slice(at * width, (at + n) * width)));
        at += n;
        rows -= n;
      }
    }
  }
}

/** Rows per query: stays under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** The stored analysis of the given items (items never analysed are absent from the map). */
export async function getAnalysis(db: Kysely<Database>, itemIds: readonly number[]): Promise<Map<number, ItemAnalysis>> {
  const out = new Map<number, ItemAnalysis>();
  const adb = analysisDb(db);
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const ids = itemIds.slice(i, i + CHUNK);
    if (ids.length === 0) continue;
    const rows = await adb.selectFrom('item_analysis').selectAll().where('item_id', 'in', ids).execute();
    for (const r of rows) {
      out.set(r.item_id, {
        sentiment: { label: r.sentiment_label, score: r.sentiment_score },
        keywords: JSON.parse(r.keywords_json) as string[],
        regions: JSON.parse(r.regions_json) as RegionHit[],
        risks: JSON.parse(r.risks_json) as RiskHit[],
      });
    }
  }
  return out;
}
