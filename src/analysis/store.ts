// Stored analysis: the tables of migration 2026112706_analysis and the queries that write and read them.
import type { Kysely } from 'kysely';
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
  const db = analysisDb(trx);
  await db
    .insertInto('item_analysis')
    .values({
      item_id: itemId,
      sentiment_label: a.sentiment.label,
      sentiment_score: a.sentiment.score,
      keywords_json: JSON.stringify(a.keywords),
      regions_json: JSON.stringify(a.regions),
      risks_json: JSON.stringify(a.risks),
    })
    .execute();
  if (a.regions.length > 0) {
    await db.insertInto('item_regions').values(a.regions.map((r) => ({ item_id: itemId, code: r.code, level: r.level }))).execute();
  }
  if (a.risks.length > 0) {
    await db.insertInto('item_risks').values(a.risks.map((r) => ({ item_id: itemId, category: r.category, score: r.score }))).execute();
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
