// Finds region mentions in text and resolves each to one division. A name that needs context must
// have it (a suffix, a related division named, a place cue, the jurisdiction); a bare short form must
// also be a whole jieba word (大理石 is not 大理). Duplicates (朝阳区 of 北京 / of 长春, 朝阳市) are
// settled by, in order: a related division named right beside it (北京朝阳区), the office's jurisdiction,
// support (a related division named anywhere, or a name needing no context), the higher level, the
// number of related divisions named, prominence; a tie names nothing.
import { getJieba } from '../../text/segment.ts';
import type { RegionHit } from '../types.ts';
import { LEVEL_RANK } from './divisions.ts';
import { cueAround } from './cues.ts';
import type { Candidate, RegionIndex } from './region-index.ts';

export interface ResolveOptions {
  /** Region codes of the office's jurisdiction (YUQING_JURISDICTION). */
  jurisdiction?: readonly string[];
  /** jieba words of the text (concatenating to it), when the caller has cut it already. */
  words?: readonly string[];
}

interface Span {
  start: number;
  end: number;
  candidates: Candidate[];
}

/** Longest text scanned: places are named early in an item, and this bounds the cost of huge pages. */
const MAX_CHARS = 10_000;

/** Leftmost-longest, non-overlapping alias matches. */
function findSpans(index: RegionIndex, text: string): Span[] {
  const all: { start: number; end: number; pattern: string }[] = [];
  for (const m of index.matcher.iterate(text)) all.push({ start: m.start, end: m.end, pattern: m.pattern });
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  let pos = 0;
  for (const m of all) {
    if (m.start < pos) continue;
    const candidates = index.aliases.get(m.pattern);
    if (!candidates) continue;
    spans.push({ start: m.start, end: m.end, candidates });
    pos = m.end;
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

/** Offsets at which a jieba word starts or ends. */
function wordBoundaries(text: string, words: readonly string[] | undefined): Uint8Array {
  const b = new Uint8Array(text.length + 1);
  b[0] = 1;
  let pos = 0;
  for (const w of words ?? getJieba().cut(text, true)) {
    pos += w.length;
    if (pos <= text.length) b[pos] = 1;
  }
  b[text.length] = 1;
  return b;
}

// What may follow a place name inside one jieba word (香港特区, 呼伦贝尔草原, 融水县城).
// Or a place the division list does not know (上海浦东新区 with only provinces and prefectures loaded).
const PLACE_LIKE = /^.{1,6}(省|市|县|区|州|盟|旗|镇|乡|街道)$/;
const WORD_TAIL = new Set(['地区', '特区', '政府', '特区政府', '市政府', '县政府', '区政府', '警方', '公安', '市委', '县委', '草原', '新区', '城区', '市区', '县城', '境内', '一带', '人', '籍', '市民', '当地', '本地', '全境', '段']);

/**
 * True when a short form stands as a word: the jieba word around it is made of region names only,
 * optionally ending in a place tail (云南昆明, 香港特区), so 大理石, 中山大学, 长治久安 do not count.
 */
function standsAsWord(t: string, span: Span, bounds: Uint8Array, byStart: Map<number, Span>): boolean {
  let ws = span.start;
  while (ws > 0 && !bounds[ws]) ws--;
  let we = span.end;
  while (we < t.length && !bounds[we]) we++;
  let p = ws;
  while (p < span.start) {
    const s = byStart.get(p);
    if (!s) return false;
    p = s.end;
  }
  if (p !== span.start) return false;
  p = span.end;
  while (p < we) {
    const s = byStart.get(p);
    if (!s) return WORD_TAIL.has(t.slice(p, we)) || PLACE_LIKE.test(t.slice(p, we));
    if (s.end > we) return false; // 大理|石台: the next name runs past the word
    p = s.end;
  }
  return true;
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
      const ancestorsNamed = context.filter((a) => other(named.get(a))).length;
      const related = ancestorsNamed * 2 + (other(below.get(c.div.code)) ? 1 : 0);
      const aff = affinity(c.div.code, jurisdiction);
      const evidence = Math.max(related > 0 ? 2 : 0, cue) + (aff === 3 ? 1 : 0);
      if (evidence < c.need) continue;
      if (c.kind === 'short' && ancestorsNamed === 0) {
        bounds ??= wordBoundaries(t, opts.words);
        byStart ??= new Map(spans.map((s) => [s.start, s]));
        if (!standsAsWord(t, span, bounds, byStart)) continue;
      }
      const adjacent = context.some((a) => beside(named.get(a))) || beside(below.get(c.div.code)) ? 1 : 0;
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
