// The negation-aware lexicon layer: counts evaluative words, problem words and register cues in a text.
// Entries are matched as substrings (longest first), so jieba's splits do not hide them; negation is
// judged on jieba's tokens, so 不 inside 不断/不仅 or 别 inside 别人 never negates anything.
import * as L from './lexicon-data.ts';
import { isClauseBreak, isNegator } from './negation.ts';

export const CUE_NAMES = ['positive', 'negative', 'problem', 'handling', 'official', 'complaint', 'rumour', 'rebuttal'] as const;
export type Cue = (typeof CUE_NAMES)[number];
const POS = 0;
const NEG = 1;
const PROB = 2;

const LISTS: [string, number][] = [
  [L.POSITIVE, 0], [L.NEGATIVE, 1], [L.PROBLEM, 2], [L.HANDLING, 3], [L.OFFICIAL, 4], [L.COMPLAINT, 5], [L.RUMOUR, 6], [L.REBUTTAL, 7], [L.SHADOW, -1],
];
/** Tokens before a word that a negator may stand in (不 是 很 满意). */
const NEG_WINDOW = 3;
/** A negated complaint word counts this much as praise (不差 is faint praise). */
const FLIPPED_NEGATIVE = 0.5;

interface Trie {
  children: Map<number, number>[];
  /** Cues of the entry ending at a node; null where no entry ends. */
  cues: (number[] | null)[];
}

let trie: Trie | null = null;

/** A character trie of every entry; built once. */
function entries(): Trie {
  if (trie) return trie;
  const t: Trie = { children: [new Map()], cues: [null] };
  for (const [list, cue] of LISTS) {
    for (const w of L.words(list)) {
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let next = t.children[node]!.get(c);
        if (next === undefined) {
          next = t.children.length;
          t.children.push(new Map());
          t.cues.push(null);
          t.children[node]!.set(c, next);
        }
        node = next;
      }
      const cues = t.cues[node] ?? [];
      if (cue >= 0 && !cues.includes(cue)) cues.push(cue);
      t.cues[node] = cues;
    }
  }
  trie = t;
  return t;
}

/** Longest entry starting at `i`: its end and cues, or null. */
function longestAt(t: Trie, text: string, i: number): { end: number; cues: number[] } | null {
  let node = 0;
  let best: { end: number; cues: number[] } | null = null;
  for (let k = i; k < text.length; k++) {
    const next = t.children[node]!.get(text.charCodeAt(k));
    if (next === undefined) break;
    node = next;
    const cues = t.cues[node];
    if (cues) best = { end: k + 1, cues };
  }
  return best;
}

/** For each code unit of `text`, the index of the token covering it (tokens concatenate to text). */
function tokenIndex(text: string, tokens: readonly string[]): Int32Array | null {
  const at = new Int32Array(text.length);
  let pos = 0;
  for (let t = 0; t < tokens.length; t++) {
    const len = tokens[t]!.length;
    at.fill(t, pos, Math.min(pos + len, text.length));
    pos += len;
  }
  return pos === text.length ? at : null;
}

/** True when an odd number of negators stand within the window before token `t`, inside its clause. */
function negated(tokens: readonly string[], t: number): boolean {
  let flips = 0;
  let seen = 0;
  for (let k = t - 1; k >= 0 && seen < NEG_WINDOW; k--) {
    const w = tokens[k]!;
    if (w === ' ') continue;
    if (isClauseBreak(w)) break;
    if (isNegator(w)) flips++;
    seen++;
  }
  return flips % 2 === 1;
}

/** Weighted counts per cue (indexed like CUE_NAMES) for prepared text and its jieba tokens. */
export function lexiconCounts(text: string, tokens: readonly string[]): Float64Array {
  const counts = new Float64Array(CUE_NAMES.length);
  const at = tokenIndex(text, tokens);
  const t = entries();
  for (let i = 0; i < text.length; ) {
    const hit = longestAt(t, text, i);
    if (!hit) {
      i++;
      continue;
    }
    const neg = hit.cues.length > 0 && at !== null && negated(tokens, at[i]!);
    for (const cue of hit.cues) {
      if (!neg) counts[cue]! += 1;
      else if (cue === POS) counts[NEG]! += 1;
      else if (cue === NEG) counts[POS]! += FLIPPED_NEGATIVE;
      else if (cue !== PROB) counts[cue]! += 1; // a negated problem word (没有问题) is no problem
    }
    i = hit.end;
  }
  return counts;
}
