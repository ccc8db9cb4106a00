// Search filters as portable SQL conditions on `items AS i` (same SQL for SQLite and PostgreSQL).
// Sentiment, region and risk read tables that the analysis stage creates; if they are missing the
// filter says so instead of failing inside SQL.
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

/** Conditions for every filter in the request except the time range (the index handles that). */
export async function filterConditions(db: Kysely<Database>, r: SearchRequest): Promise<RawBuilder<unknown>[]> {
  const out: RawBuilder<unknown>[] = [];
  const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));
  if (r.source?.length) out.push(sql`i.source_key IN (${inList(r.source)})`);
  if (r.platform?.length) out.push(sql`i.platform IN (${inList(r.platform)})`);
  if (r.topic?.length) {
    out.push(sql`EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND t.topic_id IN (${inList(r.topic)}))`);
  }
  if (r.sentiment?.length) {
    await requireTable(db, 'item_analysis', 'sentiment');
    out.push(sql`EXISTS (SELECT 1 FROM item_analysis a WHERE a.item_id = i.id AND a.sentiment_label IN (${inList(r.sentiment)}))`);
  }
  if (r.region?.length) {
    await requireTable(db, 'item_regions', 'region');
    const alts = r.region.map((code) => {
      const p = regionPrefix(code);
      return sql`(rg.code = ${code} OR substr(rg.code, 1, ${p.length}) = ${p})`;
    });
    out.push(sql`EXISTS (SELECT 1 FROM item_regions rg WHERE rg.item_id = i.id AND (${sql.join(alts, sql` OR `)}))`);
  }
  if (r.risk?.length) {
    await requireTable(db, 'item_risks', 'risk');
    out.push(sql`EXISTS (SELECT 1 FROM item_risks rk WHERE rk.item_id = i.id AND rk.category IN (${inList(r.risk)}))`);
  }
  return out;
}
