// Hot words of a period: how many items carry each keyword, against the previous period of the same
// length, with a rising score = log of the smoothed ratio of per-item rates (for word clouds and reports).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { analysisDb } from './store.ts';

export interface HotWordsQuery {
  /** Period start, epoch ms (inclusive). */
  from: number;
  /** Period end, epoch ms (exclusive). */
  to: number;
  limit?: number;
  topic?: number;
  /** Region code: items naming this region or one inside it. */
  region?: string;
  /** Order: 'rising' (score, default) or 'count' (word clouds). */
  sort?: 'rising' | 'count';
  /** Words carried by fewer items in the period are left out (default 2). */
  minCount?: number;
}

export interface HotWord {
  word: string;
  /** Items in the period carrying the word. */
  count: number;
  /** Items in the previous period carrying it. */
  previous: number;
  /** ln(((count + 2) / (items + 2)) / ((previous + 2) / (previousItems + 2))): above 0 means rising. */
  score: number;
}

export interface HotWordsResult {
  from: number;
  to: number;
  items: number;
  previous_items: number;
  words: HotWord[];
}

const SMOOTHING = 2;

/** Keyword counts over the items published in [from, to), filtered by topic and region. */
async function countKeywords(db: Kysely<Database>, q: HotWordsQuery, from: number, to: number): Promise<{ items: number; counts: Map<string, number> }> {
  let query = analysisDb(db)
    .selectFrom('item_analysis as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .select('a.keywords_json')
    .where('i.published_at', '>=', from)
    .where('i.published_at', '<', to);
  if (q.topic !== undefined) {
    const topic = q.topic;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('item_topics as t').select('t.item_id').whereRef('t.item_id', '=', 'i.id').where('t.topic_id', '=', topic)),
    );
  }
  if (q.region !== undefined) {
    const prefix = q.region;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('item_regions as r')
          .select('r.item_id')
          .whereRef('r.item_id', '=', 'i.id')
          .where(sql<boolean>`substr(r.code, 1, ${prefix.length}) = ${prefix}`),
      ),
    );
  }
  const counts = new Map<string, number>();
  let items = 0;
  // Streamed: a month of a county's items is up to a million rows.
  for await (const row of query.stream(1000)) {
    items++;
    for (const w of new Set(JSON.parse(row.keywords_json) as string[])) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return { items, counts };
}

/** Rising and frequent keywords of a period against the one before it. */
export async function hotWords(db: Kysely<Database>, q: HotWordsQuery): Promise<HotWordsResult> {
  const span = q.to - q.from;
  const cur = await countKeywords(db, q, q.from, q.to);
  const prev = await countKeywords(db, q, q.from - span, q.from);
  const minCount = q.minCount ?? 2;
  const words: HotWord[] = [];
  for (const [word, count] of cur.counts) {
    if (count < minCount) continue;
    const previous = prev.counts.get(word) ?? 0;
    // Smoothing of 2 keeps a word seen twice from outranking one that grew from 40 to 100 items.
    const score = Math.log(((count + SMOOTHING) / (cur.items + SMOOTHING)) / ((previous + SMOOTHING) / (prev.items + SMOOTHING)));
    words.push({ word, count, previous, score: Math.round(score * 1000) / 1000 });
  }
  const byCount = (a: HotWord, b: HotWord) => b.count - a.count || b.score - a.score || (a.word < b.word ? -1 : 1);
  const byRise = (a: HotWord, b: HotWord) => b.score - a.score || b.count - a.count || (a.word < b.word ? -1 : 1);
  words.sort(q.sort === 'count' ? byCount : byRise);
  return { from: q.from, to: q.to, items: cur.items, previous_items: prev.items, words: words.slice(0, q.limit ?? 50) };
}
