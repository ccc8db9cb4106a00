// Finds region mentions in text and resolves each to one division. A name that needs context must
// have it (a suffix, a related division named, a place cue, the jurisdiction); a bare short form must
// also be a whole jieba word (大理石 is not 大理). Duplicates (朝阳区 of 北京 / of 长春, 朝阳市) are
// settled by, in order: a related division named right beside it (北京朝阳区), the office's jurisdiction,
// support (a related division named anywhere, or a name needing no context), the higher level, the
// number of related divisions named, prominence; a tie names nothing.
import type { RegionHit } from '../types.ts';
import { LEVEL_RANK } from './divisions.ts';
import { cueAround } from './cues.ts';
import { standsAsWord, wordBoundaries, type Span } from './word-check.ts';
import { MUNICIPALITIES, type Candidate, type RegionIndex } from './region-index.ts';

export interface ResolveOptions {
  /** Region codes of the office's jurisdiction (YUQING_JURISDICTION). */
  jurisdiction?: readonly string[];
  /** jieba words of the text (concatenating to it), when the caller has cut it already. */
  words?: readonly string[];
}

/** Longest text scanned: places are named early in an item, and this bounds the cost of huge pages. */
const MAX_CHARS = 10_000;

/** Leftmost-longest, non-overlapping alias matches with their candidates. */
function findSpans(index: RegionIndex, text: string): Span[] {
  const spans: Span[] = [];
  for (const m of index.matcher.findAll(text)) {
    const candidates = index.aliases.get(m.word);
    if (candidates) spans.push({ start: m.start, end: m.end, candidates });
  }
  return spans;
}

/** code → spans naming it, and ancestor code → spans naming one of its descendants. */
function mentionMaps(spans: Span[]): { named: Map<string, number[]>; below: Map<string, number[]> } {
  const named = new Map<string, number[]>();
  const below = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    const l = m.get(k);
    if (!l) m.set(k, [i]);
    else if (l[l.length - 1] !== i) l.push(i);
  };
  spans.forEach((s, i) => {
    for (const c of s.candidates) {
      push(named, c.div.code, i);
      for (const a of c.ancestors) push(below, a, i);
    }
  });
  return { named, below };
}

function affinity(code: string, jurisdiction: readonly string[]): number {
  let best = 0;
  for (const j of jurisdiction) {
    if (code.startsWith(j)) return 3;
    if (j.startsWith(code)) best = Math.max(best, 2);
    else if (j.slice(0, 2) === code.slice(0, 2)) best = Math.max(best, 1);
  }
  return best;
}

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** Resolve every region mention in `text` (already normalised) to divisions, in order of first mention. */
export function resolveRegions(index: RegionIndex, text: string, opts: ResolveOptions = {}): RegionHit[] {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const spans = findSpans(index, t);
  if (spans.length === 0) return [];
  const jurisdiction = opts.jurisdiction ?? [];
  const { named, below } = mentionMaps(spans);
  let bounds: Uint8Array | null = null;
  let byStart: Map<number, Span> | null = null;
  const hits: RegionHit[] = [];
  const seen = new Set<string>();
  spans.forEach((span, self) => {
    const cue = cueAround(t, span.start, span.end);
    // Neighbours: spans right beside this one (only whitespace between), as in 北京朝阳区, 吉林长春.
    const prev = spans[self - 1];
    const next = spans[self + 1];
    const near = new Set<number>();
    if (prev && t.slice(prev.end, span.start).trim() === '') near.add(self - 1);
    if (next && t.slice(span.end, next.start).trim() === '') near.add(self + 1);
    const other = (l: number[] | undefined) => l !== undefined && l.some((i) => i !== self);
    const beside = (l: number[] | undefined) => l !== undefined && l.some((i) => near.has(i));
    let best: Candidate | null = null;
    let bestKey: number[] = [];
    let tied = false;
    for (const c of span.candidates) {
      // A township is placed by its county or city; a province named somewhere is too broad for it.
      const context = c.div.level === 'township' ? c.ancestors.filter((a) => a.length >= 4) : c.ancestors;
      const namedAncestors = context.filter((a) => other(named.get(a)));
      const ancestorsNamed = namedAncestors.length;
      const descendantNamed = other(below.get(c.div.code));
      const related = ancestorsNamed * 2 + (descendantNamed ? 1 : 0);
      // Strong support: the parent, a prefecture or county, or a municipality (北京朝阳); a province
      // alone is weak support for a district two levels down (四川 … 西区 is not 攀枝花's 西区).
      const strong = descendantNamed || namedAncestors.some((a) => a === c.div.parent || a.length >= 4 || MUNICIPALITIES.has(a));
      const adjacent = context.some((a) => beside(named.get(a))) || beside(below.get(c.div.code)) ? 1 : 0;
      // Townships are thousands of short common names (新华, 平安, 江南): only a county or city named
      // right before one (黄陂区蔡店乡, 融水安陲) places it; named elsewhere it is weak support.
      const relatedEvidence = strong ? (c.div.level === 'township' && !adjacent ? 1 : 2) : ancestorsNamed > 0 ? 1 : 0;
      const aff = affinity(c.div.code, jurisdiction);
      const evidence = Math.max(relatedEvidence, cue) + (aff === 3 ? 1 : 0);
      if (evidence < c.need) continue;
      if (c.kind === 'short' && !adjacent) {
        bounds ??= wordBoundaries(t, opts.words);
        byStart ??= new Map(spans.map((s) => [s.start, s]));
        if (!standsAsWord(t, span, bounds, byStart)) continue;
      }
      // Supported: named by a related division, or a name that needs no context (天津、河北 is the
      // province although 天津 has a 河北区); beats a candidate that only a cue let in (朝阳警方).
      const supported = related > 0 || c.need === 0 ? 1 : 0;
      const key = [adjacent, aff, supported, LEVEL_RANK[c.div.level], related, c.prominence];
      const cmp = best === null ? 1 : compareKeys(key, bestKey);
      if (cmp > 0) {
        best = c;
        bestKey = key;
        tied = false;
      } else if (cmp === 0) tied = true;
    }
    if (!best || tied || seen.has(best.div.code)) return;
    seen.add(best.div.code);
    hits.push({ code: best.div.code, name: best.div.name, level: best.div.level });
  });
  return hits;
}
