// Background word statistics for the clustering language model, read from jieba's own dictionary
// (word, frequency, part of speech): the frequency gives p_bg(w), the part of speech marks function words.
// No extra stop-word file is needed and the numbers match the segmenter that produced the tokens.
import { dict } from '@node-rs/jieba/dict.js';

/** Parts of speech that carry no story content (particles, pronouns, prepositions, adverbs, numerals...). */
const FUNCTION_POS = new Set(['uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'u', 'p', 'c', 'r', 'rr', 'rz', 'd', 'y', 'e', 'o', 'm', 'mq', 'q', 'x', 'zg', 'f', 'k', 'h']);

/** Floor of p_bg: rare dictionary words and unknown words count as this frequent, so one rare word cannot decide alone. */
const MIN_FREQ = 60;

export interface Lexicon {
  /** Background probability of a token (a word of running text). */
  pBg(token: string): number;
  /** True for function words and other tokens that say nothing about a story. */
  isFunctionWord(token: string): boolean;
}

let lexicon: Lexicon | null = null;

/** The process-wide lexicon; parsing the 5 MB dictionary takes ~150 ms once. */
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const freq = new Map<string, number>();
  const func = new Set<string>();
  let total = 0;
  const text = Buffer.from(dict).toString('utf8');
  for (const line of text.split('\n')) {
    const a = line.indexOf(' ');
    if (a <= 0) continue;
    const b = line.indexOf(' ', a + 1);
    const word = line.slice(0, a);
    const f = Number(b > 0 ? line.slice(a + 1, b) : line.slice(a + 1));
    if (!Number.isFinite(f)) continue;
    total += f;
    // Rarer words fall under the floor anyway: keeping only the frequent ones makes the table 7× smaller.
    if (f >= MIN_FREQ) freq.set(word, f);
    if (FUNCTION_POS.has(b > 0 ? line.slice(b + 1).trim() : '')) func.add(word);
  }
  const minP = MIN_FREQ / total;
  // Probabilities divided out once (every kept word is above the floor, so no max() per lookup).
  const prob = new Map<string, number>();
  for (const [w, f] of freq) prob.set(w, f / total);
  lexicon = {
    pBg: (t) => prob.get(t) ?? minP,
    isFunctionWord: (t) => func.has(t),
  };
  return lexicon;
}
