// The searchable form of a division list: one trie over every alias (name-trie.ts says why not an
// Aho–Corasick package), and for each alias the divisions it may name with the context each needs.
import { NameTrie } from './name-trie.ts';
import { aliasesOf, type AliasKind } from './aliases.ts';
import type { Division } from './divisions.ts';
import { isOrdinaryWord } from './ordinary-words.ts';

export interface Candidate {
  div: Division;
  kind: AliasKind;
  /** Context needed: 0 none, 1 a weak cue (在/到…, jurisdiction), 2 strong (an ancestor named, 位于…, …警方). */
  need: 0 | 1 | 2;
  /** Codes of real ancestors, nearest first. */
  ancestors: string[];
  /** Stand-in for population when nothing else decides: municipality district 2, capital city 1. */
  prominence: number;
}

export interface RegionIndex {
  source: string;
  byCode: Map<string, Division>;
  aliases: Map<string, Candidate[]>;
  matcher: NameTrie;
  /** Number of distinct levels loaded, e.g. whether counties and townships resolve. */
  levels: Set<Division['level']>;
}

/** Province-level cities (北京, 天津, 上海, 重庆): they name districts directly, as a prefecture does. */
export const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const TOWNSHIP_SUFFIX = /(镇|乡|街道|苏木)$/;

/** How much context an alias needs before it names this division. */
function needOf(d: Division, text: string, kind: AliasKind): 0 | 1 | 2 {
  const ordinary = isOrdinaryWord(text, d.level);
  // Township-level units that are not 镇/乡/街道/苏木 (物流园区, 经济开发区) have generic names.
  if (d.level === 'township' && kind === 'full' && !TOWNSHIP_SUFFIX.test(text)) return 2;
  if (kind !== 'short') return text.length >= 3 ? 0 : ordinary ? 2 : 1;
  if (ordinary) return 2;
  if (d.level === 'province' || d.level === 'city') return 0;
  if (d.level === 'county') return text.length >= 3 ? 0 : 1;
  return text.length >= 3 ? 1 : 2;
}

function prominenceOf(d: Division): number {
  if (d.level === 'city') return d.code.endsWith('01') ? 1 : 0;
  if (d.level !== 'county' || !d.parent) return 0;
  if (MUNICIPALITIES.has(d.parent)) return 2;
  return d.parent.length === 4 && d.parent.endsWith('01') ? 1 : 0;
}

function ancestorsOf(d: Division, byCode: Map<string, Division>): string[] {
  const out: string[] = [];
  for (let p = d.parent; p !== null && out.length < 4; p = byCode.get(p)?.parent ?? null) out.push(p);
  return out;
}

/** Build the index: well under a second for the full national list (45k divisions, 64k aliases). */
export function buildRegionIndex(divisions: Division[], source: string): RegionIndex {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const aliases = new Map<string, Candidate[]>();
  const levels = new Set<Division['level']>();
  for (const d of divisions) {
    levels.add(d.level);
    const ancestors = ancestorsOf(d, byCode);
    const prominence = prominenceOf(d);
    for (const a of aliasesOf(d)) {
      const c: Candidate = { div: d, kind: a.kind, need: needOf(d, a.text, a.kind), ancestors, prominence };
      const list = aliases.get(a.text);
      if (list) list.push(c);
      else aliases.set(a.text, [c]);
    }
  }
  const matcher = new NameTrie();
  for (const a of aliases.keys()) matcher.add(a);
  return { source, byCode, aliases, matcher, levels };
}
