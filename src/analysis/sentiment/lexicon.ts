// The negation-aware lexicon layer: counts evaluative words, problem words and register cues in a
// text. Entries are matched longest-first on characters (no word segmentation needed); a negator
// (不/没/未/无/别 …) flips an entry that starts within a few characters after it in the same clause,
// and words such as 不断, 别人, 特别 are entries of their own, so their negator characters negate nothing.
import * as L from './lexicon-data.ts';

export const CUE_NAMES = ['positive', 'negative', 'problem', 'handling', 'official', 'complaint', 'rumour', 'rebuttal', 'inquiry'] as const;
const POS = 0;
const NEG = 1;
const PROB = 2;
const NEGATOR = -2;
const SHADOW = -1;

const LISTS: [string, number][] = [
  [L.POSITIVE, POS], [L.NEGATIVE, NEG], [L.PROBLEM, PROB], [L.HANDLING, 3], [L.OFFICIAL, 4], [L.COMPLAINT, 5], [L.RUMOUR, 6], [L.REBUTTAL, 7], [L.INQUIRY, 8],
  [L.NEGATOR, NEGATOR], [L.SHADOW, SHADOW], [L.NOT_NEGATION, SHADOW],
];
/** Characters allowed between a negator and the entry it negates (没有 给我们 满意). */
const NEG_GAP = 4;
/** A negated complaint or problem word counts this much as praise (不差, 未发生事故). */
const FLIPPED_NEGATIVE = 0.5;

/** A flag per UTF-16 code unit, 1 for the characters of `chars` (a table lookup instead of a Set's hashing, per character scanned). */
function codeFlags(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
/** Punctuation and contrastive words end a negation's scope. */
const BREAKS = codeFlags('，,。.！!？?；;：:、~～…\n 但却而');

interface Trie {
  children: Map<number, number>[];
  /** The root's children by code unit (0: none; the root is never a child): most positions start no entry, and this settles them without a Map lookup. */
  root: Int32Array;
  /** Cues of the entry ending at a node (SHADOW alone: an entry that counts nothing); null where none ends. */
  cues: (number[] | null)[];
}

let trie: Trie | null = null;

/** A character trie of every entry; built once. */
function entries(): Trie {
  if (trie) return trie;
  const t: Trie = { children: [new Map()], root: new Int32Array(0x10000), cues: [null] };
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
      if (!cues.includes(cue)) cues.push(cue);
      t.cues[node] = cues;
    }
  }
  for (const [c, next] of t.children[0]!) t.root[c] = next;
  trie = t;
  return t;
}

/** Cues of the last match of longestAt() (kept in module state so the scan allocates nothing). */
let matchCues: number[] | null = null;

/** End of the longest entry starting at `i` (its cues in matchCues), or -1. */
function longestAt(t: Trie, text: string, i: number): number {
  let node = t.root[text.charCodeAt(i)]!;
  if (node === 0) return -1;
  let end = -1;
  for (let k = i; ; ) {
    const c = t.cues[node];
    if (c) {
      end = k + 1;
      matchCues = c;
    }
    if (++k >= text.length) break;
    const next = t.children[node]!.get(text.charCodeAt(k));
    if (next === undefined) break;
    node = next;
  }
  return end;
}

/** Weighted counts per cue (indexed like CUE_NAMES) of prepared text. */
export function lexiconCounts(text: string): Float64Array {
  const counts = new Float64Array(CUE_NAMES.length);
  const t = entries();
  let flips = 0;
  let scopeEnd = -1;
  for (let i = 0; i < text.length; ) {
    if (BREAKS[text.charCodeAt(i)] === 1) flips = 0;
    const end = longestAt(t, text, i);
    const cues = matchCues;
    if (end < 0 || !cues) {
      i++;
      continue;
    }
    const negated = flips % 2 === 1 && i <= scopeEnd;
    if (i > scopeEnd) flips = 0;
    for (const cue of cues) {
      if (cue === NEGATOR) {
        flips++;
        scopeEnd = end + NEG_GAP;
      } else if (cue === SHADOW) continue;
      else if (!negated) counts[cue]! += 1;
      else if (cue === POS) counts[NEG]! += 1;
      else if (cue === NEG || cue === PROB) counts[POS]! += FLIPPED_NEGATIVE; // 不差, 没有发生事故: faint relief
      else counts[cue]! += 1;
    }
    i = end;
  }
  return counts;
}
