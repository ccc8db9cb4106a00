// What a near-duplicate fingerprint is computed from, and the fingerprint itself: character trigrams
// of the content characters, after boilerplate and (for long enough bodies) the headline are dropped.
import { contentChars, dropBoilerplate, dropLeadingHeadlines } from './strip.ts';
import { SimhashAccumulator, type Simhash } from './simhash.ts';
import { fnvString } from '../util/hash.ts';

/** Below this many content characters a text is not grouped at all (转发微博, 顶, 支持！). */
export const MIN_TEXT_CHARS = 8;
/** Below this many content characters SimHash is too noisy: only exact repeats are grouped. */
export const SIMHASH_MIN_CHARS = 20;
/**
 * A body at least this long (content characters) identifies the text without its title or 【headline】.
 * Same as SIMHASH_MIN_CHARS: measured, 40 left 15 % of short posts with a new headline 10–20 bits away.
 */
export const BODY_MIN_CHARS = SIMHASH_MIN_CHARS;

/**
 * The content characters a repost keeps from its original. Reposters rewrite headlines, so the
 * title and a leading 【headline】 count only when the body alone is too short to identify the text.
 * `norm` is PreparedItem.norm (folded `title + '\n' + content`), `titleLength` the title's length.
 */
export function dedupText(norm: string, titleLength: number): string {
  const title = norm.slice(0, titleLength);
  const body = dropBoilerplate(norm.slice(titleLength + 1));
  // A post made only of 【…】 lines keeps all but the first (which a reposter may have replaced).
  for (const all of [true, false]) {
    const bodyOnly = collapseRuns(contentChars(dropLeadingHeadlines(body, all)));
    if (bodyOnly.length >= BODY_MIN_CHARS) return bodyOnly;
  }
  return collapseRuns(contentChars(dropBoilerplate(title)) + contentChars(body));
}

// 哈哈哈哈哈哈 would otherwise outvote the words around it (digits are left alone: 3000 is not 300).
const RUN = /([^0-9])\1{2,}/g;
function collapseRuns(s: string): string {
  return s.replace(RUN, '$1$1');
}

/** SimHash over overlapping character trigrams (bigrams, then the single character, for shorter text). */
export function simhashOf(text: string): Simhash {
  const acc = new SimhashAccumulator();
  const n = Math.min(3, text.length);
  for (let i = 0; i + n <= text.length; i++) {
    let key = 0x811c9dc5;
    for (let j = 0; j < n; j++) key = Math.imul(key ^ text.charCodeAt(i + j), 0x01000193);
    acc.add(key);
  }
  return acc.digest();
}

/** What the near-duplicate stage keeps of an item between prepare() and store(). */
export interface Fingerprint {
  simhash: Simhash;
  /** Content characters the fingerprint was computed from. */
  length: number;
  /** For short texts: hash of the content characters, matched exactly instead of by distance. */
  exactHash: number | null;
}

/** The fingerprint of a folded item text, or null when too little text is left to compare. */
export function fingerprint(norm: string, titleLength: number): Fingerprint | null {
  const text = dedupText(norm, titleLength);
  if (text.length < MIN_TEXT_CHARS) return null;
  return {
    simhash: simhashOf(text),
    length: text.length,
    exactHash: text.length < SIMHASH_MIN_CHARS ? fnvString(text) : null,
  };
}
