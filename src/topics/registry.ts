// The compiled matcher of a store's enabled topics, rebuilt when the version counter in the database
// moves. The counter lives in the database (not in memory) so a second process sees another's edits;
// checking it is one primary-key read per ingest batch.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Store } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import { normalise } from '../text/normalise.ts';
import { TopicMatcher, type TermHit, type VariantPair } from './matcher.ts';
import { parseTopic } from './parse.ts';
import { listTopicRows, listVariantRows, readTopicVersion } from './store.ts';

const compiled = new WeakMap<Store, { version: number; matcher: TopicMatcher }>();

/** All variant pairs of the dictionary. */
export async function loadVariantPairs(db: Kysely<Database>): Promise<VariantPair[]> {
  return (await listVariantRows(db)).map((r) => ({ term: r.term, variant: r.variant }));
}

/** The matcher for the store's enabled topics, recompiled only when topics or variants changed. */
export async function currentMatcher(ctx: AppContext): Promise<TopicMatcher> {
  // Read the version first: data loaded afterwards is at least that new, so a stale cache only costs a rebuild.
  const version = await readTopicVersion(ctx.store.db);
  const cached = compiled.get(ctx.store);
  if (cached && cached.version === version) return cached.matcher;
  const started = performance.now();
  const rows = await listTopicRows(ctx.store.db, { enabledOnly: true });
  const matcher = TopicMatcher.compile(rows, await loadVariantPairs(ctx.store.db));
  for (const bad of matcher.invalid) ctx.log.warn({ topic_id: bad.id, error: bad.error }, 'topic_expression_invalid');
  compiled.set(ctx.store, { version, matcher });
  ctx.log.debug({ topics: matcher.topicCount, patterns: matcher.patternCount, version, compile_ms: Math.round(performance.now() - started) }, 'topics_compiled');
  return matcher;
}

/** Result of trying an expression on a text. */
export interface TopicTestResult {
  matched: boolean;
  /** Every term hit, with the spelling found (a variant or the term itself) and its offsets in the text. */
  hits: TermHit[];
}

/** Try an expression (with the stored variant dictionary) on a text without saving anything. */
export async function testExpression(ctx: AppContext, expression: string, text: string): Promise<TopicTestResult> {
  const tree = parseTopic(expression);
  const matcher = TopicMatcher.compile([{ id: 1, expression }], await loadVariantPairs(ctx.store.db), new Map([[1, tree]]));
  const hits: TermHit[] = [];
  const scan = matcher.scan(normalise(text), hits);
  return { matched: matcher.matchHits(scan).length > 0, hits };
}
