// Search filters as portable SQL conditions (same SQL for SQLite and PostgreSQL) over the columns the
// index back-end names: the item id, platform and source key of a matching row. Sentiment, region and
// risk read tables that the analysis stage creates; if they are missing the filter says so.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../store/schema.ts';
import { YqError } from '../errors.ts';
import type { SearchRequest } from './request.ts';

// Analysis tables read here: item_analysis(item_id, sentiment_label, ...), item_regions(item_id, code, level),
// item_risks(item_id, category, score).
const known = new WeakMap<object, Set<string>>();

/** Throw a clear error when a filter's table does not exist (yet) in this store. */
async function requireTable(db: Kysely<Database>, table: string, filter: string): Promise<void> {
  let seen = known.get(db);
  if (seen?.has(table)) return;
  const tables = await db.introspection.getTables();
  seen = new Set(tables.map((t) => t.name));
  known.set(db, seen);
  if (!seen.has(table)) {
    throw new YqError('YQ_ERR_FILTER_UNAVAILABLE', `the ${filter} filter needs table ${table}, which this store does not have yet (analysis not installed)`, {
      details: { field: filter },
    });
  }
}

/**
 * The shortest prefix that names the same area: administrative codes are province(2) city(2)
 * county(2) township(3) village(3), and trailing all-zero levels mean "the whole area".
 */
export function regionPrefix(code: string): string {
  for (const len of [2, 4, 6, 9, 12]) {
    if (len >= code.length) return code;
    if (/^0*$/.test(code.slice(len))) return code.slice(0, len);
  }
  return code;
}

/** How the index back-end exposes a matching row to filters. */
export interface FilterColumns {
  id: RawBuilder<unknown>;
  platform: RawBuilder<unknown>;
  source: RawBuilder<unknown>;
}

export type FilterBuilder = (cols: FilterColumns) => RawBuilder<unknown>[];

/**
 * Conditions for every filter in the request except the time range (the index handles that).
 * Checks the tables the filters need now; the back-end supplies its columns later.
 */
export async function filterConditions(db: Kysely<Database>, r: SearchRequest): Promise<FilterBuilder> {
  if (r.sentiment?.length) await requireTable(db, 'item_analysis', 'sentiment');
  if (r.region?.length) await requireTable(db, 'item_regions', 'region');
  if (r.risk?.length) await requireTable(db, 'item_risks', 'risk');
  return (c) => conditions(r, c);
}

function conditions(r: SearchRequest, c: FilterColumns): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));
  if (r.source?.length) out.push(sql`${c.source} IN (${inList(r.source)})`);
  if (r.platform?.length) out.push(sql`${c.platform} IN (${inList(r.platform)})`);
  if (r.topic?.length) {
    out.push(sql`EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = ${c.id} AND t.topic_id IN (${inList(r.topic)}))`);
  }
  if (r.sentiment?.length) {
    out.push(sql`EXISTS (SELECT 1 FROM item_analysis a WHERE a.item_id = ${c.id} AND a.sentiment_label IN (${inList(r.sentiment)}))`);
  }
  if (r.region?.length) {
    const alts = r.region.map((code) => {
      const p = regionPrefix(code);
      return sql`(rg.code = ${code} OR substr(rg.code, 1, ${p.length}) = ${p})`;
    });
    out.push(sql`EXISTS (SELECT 1 FROM item_regions rg WHERE rg.item_id = ${c.id} AND (${sql.join(alts, sql` OR `)}))`);
  }
  if (r.risk?.length) {
    out.push(sql`EXISTS (SELECT 1 FROM item_risks rk WHERE rk.item_id = ${c.id} AND rk.category IN (${inList(r.risk)}))`);
  }
  return out;
}
