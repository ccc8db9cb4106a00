// Whether an item is one a rule watches: every facet the rule names must match (AND), any value within
// a facet will do (OR). The SQL twin used for volume counts is watch-sql.ts; keep the two in step.
import type { CompiledRule } from './compiled.ts';

/** What evaluation knows of an item, whether it comes from ingest or from the store (dry run). */
export interface ItemFacts {
  id: number;
  publishedAt: number;
  platform: string;
  sourceKey: string | null;
  title: string;
  content: string;
  url: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  regions: string[];
  risks: { category: string; score: number }[];
  topicIds: number[];
  eventId: number | null;
  similarGroupId: number | null;
}

/** True when the item falls inside what the rule watches. */
export function matchesWatch(rule: CompiledRule, f: ItemFacts): boolean {
  const w = rule.watch;
  if (w.platforms?.length && !w.platforms.includes(f.platform as never)) return false;
  if (w.sources?.length && (f.sourceKey === null || !w.sources.includes(f.sourceKey))) return false;
  if (w.sentiment?.length && (f.sentiment === null || !w.sentiment.includes(f.sentiment as never))) return false;
  if (w.topics?.length && !f.topicIds.some((t) => w.topics!.includes(t))) return false;
  if (rule.regionPrefixes !== null) {
    const prefixes = rule.regionPrefixes;
    if (!f.regions.some((code) => prefixes.some((p) => code.startsWith(p)))) return false;
  }
  if (w.risks?.length || w.min_risk_score !== undefined) {
    const min = w.min_risk_score ?? 0;
    const ok = f.risks.some((r) => r.score >= min && (!w.risks?.length || w.risks.includes(r.category)));
    if (!ok) return false;
  }
  return true;
}
