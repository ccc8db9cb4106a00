// The SQL twin of matchesWatch (watch.ts): counts of stored items a rule watches, for volume spikes.
// Portable SQL only (EXISTS subqueries, LIKE on digit codes, integer arithmetic on epoch ms).
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { AlertsDatabase, AlertsDb } from '../tables.ts';
import type { CompiledRule } from './compiled.ts';

type Eb = ExpressionBuilder<AlertsDatabase & { i: AlertsDatabase['items'] }, 'i'>;

/** The rule's watch as one boolean expression over items aliased `i`. */
function watchExpr(eb: Eb, rule: CompiledRule): Expression<SqlBool> {
  const w = rule.watch;
  const parts: Expression<SqlBool>[] = [];
  if (w.platforms?.length) parts.push(eb('i.platform', 'in', w.platforms));
  if (w.sources?.length) parts.push(eb('i.source_key', 'in', w.sources));
  if (w.sentiment?.length) {
    parts.push(eb.exists(eb.selectFrom('item_analysis as a').select('a.item_id').whereRef('a.item_id', '=', 'i.id').where('a.sentiment_label', 'in', w.sentiment)));
  }
  if (w.topics?.length) {
    parts.push(eb.exists(eb.selectFrom('item_topics as t').select('t.item_id').whereRef('t.item_id', '=', 'i.id').where('t.topic_id', 'in', w.topics)));
  }
  if (rule.regionPrefixes !== null) {
    const prefixes = rule.regionPrefixes;
    if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
    parts.push(eb.exists(eb.selectFrom('item_regions as r').select('r.item_id').whereRef('r.item_id', '=', 'i.id')
      .where((e) => e.or(prefixes.map((p) => e('r.code', 'like', `${p}%`))))));
  }
  if (w.risks?.length || w.min_risk_score !== undefined) {
    let q = eb.selectFrom('item_risks as k').select('k.item_id').whereRef('k.item_id', '=', 'i.id').where('k.score', '>=', w.min_risk_score ?? 0);
    if (w.risks?.length) q = q.where('k.category', 'in', w.risks);
    parts.push(eb.exists(q));
  }
  return parts.length ? eb.and(parts) : sql<SqlBool>`1 = 1`;
}

/** Watched items published in (from, to]. */
export async function countWatched(db: AlertsDb, rule: CompiledRule, from: number, to: number): Promise<number> {
  const r = await db
    .selectFrom('items as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.published_at', '>', from)
    .where('i.published_at', '<=', to)
    .where((eb) => watchExpr(eb as unknown as Eb, rule))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Watched items in the same hour-long window (the hour ending at the same time of day) on each of the
 * previous `weeks`×7 days: the baseline a volume spike is measured against. Days with nothing count 0.
 */
export async function baselineCounts(db: AlertsDb, rule: CompiledRule, at: number, weeks: number): Promise<number[]> {
  const days = weeks * 7;
  // Literals, not parameters: better-sqlite3 binds JS numbers as REAL, and this arithmetic must be integer.
  const age = sql<number>`(${sql.lit(Math.trunc(at))} - i.published_at)`;
  const day = sql.lit(DAY);
  const rows = await db
    .selectFrom('items as i')
    .select([sql<number>`${age} / ${day}`.as('k'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('i.published_at', '>', at - days * DAY - HOUR)
    .where('i.published_at', '<=', at - DAY)
    .where(sql<SqlBool>`${age} % ${day} < ${sql.lit(HOUR)}`)
    .where((eb) => watchExpr(eb as unknown as Eb, rule))
    .groupBy(sql`${age} / ${day}`)
    .execute();
  const counts = new Array<number>(days).fill(0);
  for (const r of rows) {
    const k = Number(r.k);
    if (k >= 1 && k <= days) counts[k - 1] = Number(r.n);
  }
  return counts;
}
