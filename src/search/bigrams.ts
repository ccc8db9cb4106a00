// Turns normalised text into the tokens of the bigram index, and query text into the token sequence
// that finds exactly the texts containing it. Runs of CJK characters become overlapping bigrams plus
// the run's last character (so a one-character query is a prefix query and a phrase cannot cross a
// run boundary); runs of other letters and digits become whole words. Dialect-neutral: the SQLite
// index feeds these tokens to FTS5, a PostgreSQL index could feed them to a tsvector.

const enum Kind {
  Sep,
  Cjk,
  Word,
}

const wordCache = new Map<number, boolean>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;

/** Class of the code point at i (CJK characters outside the BMP count once, as two code units). */
function kindAt(s: string, i: number): Kind {
  const c = s.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? Kind.Word : Kind.Sep;
  }
  if (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) || c === 0x3005 || c === 0x3007
  ) {
    return Kind.Cjk;
  }
  // High surrogates of planes 2 and 3 (CJK extensions B-H).
  if (c >= 0xd840 && c <= 0xd8bf) return Kind.Cjk;
  if (c >= 0xd800 && c <= 0xdfff) return Kind.Sep;
  let w = wordCache.get(c);
  if (w === undefined) {
    w = LETTER_OR_DIGIT.test(String.fromCharCode(c));
    wordCache.set(c, w);
  }
  return w ? Kind.Word : Kind.Sep;
}

/** One piece of text: a CJK run as its characters, or a word. */
export type Piece = { kind: 'cjk'; chars: string[] } | { kind: 'word'; text: string };

/** Split normalised text into CJK runs and words, dropping separators. */
export function pieces(s: string): Piece[] {
  const out: Piece[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const k = kindAt(s, i);
    if (k === Kind.Sep) {
      i++;
    } else if (k === Kind.Word) {
      let j = i + 1;
      let ascii = s.charCodeAt(i) < 0x80;
      while (j < n && kindAt(s, j) === Kind.Word) {
        if (s.charCodeAt(j) >= 0x80) ascii = false;
        j++;
      }
      // normalise() lower-cases ASCII only; other scripts are folded here (the FTS5 tokenizer is 'ascii').
      out.push({ kind: 'word', text: ascii ? s.slice(i, j) : s.slice(i, j).toLowerCase() });
      i = j;
    } else {
      const chars: string[] = [];
      while (i < n && kindAt(s, i) === Kind.Cjk) {
        const c = s.charCodeAt(i);
        const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        chars.push(s.slice(i, i + w));
        i += w;
      }
      out.push({ kind: 'cjk', chars });
    }
  }
  return out;
}

/** The index text of a normalised field: tokens joined by spaces (FTS5 unicode61 keeps each whole). */
export function indexText(s: string): string {
  const out: string[] = [];
  for (const p of pieces(s)) {
    if (p.kind === 'word') {
      out.push(p.text);
      continue;
    }
    const c = p.chars;
    for (let k = 0; k + 1 < c.length; k++) out.push(c[k]! + c[k + 1]!);
    out.push(c[c.length - 1]!);
  }
  return out.join(' ');
}

/** Tokens a query term must match at consecutive positions; `prefixLast` marks a one-character tail. */
export interface TermTokens {
  tokens: string[];
  prefixLast: boolean;
}

/**
 * Query tokens of a normalised term. A CJK run followed by more of the term must end there in the
 * text too, so its last character is included; the term's final run may continue in the text, so it
 * contributes bigrams only, or, when it is a single character, that character as a prefix.
 */
export function termTokens(s: string): TermTokens {
  const ps = pieces(s);
  const tokens: string[] = [];
  let prefixLast = false;
  ps.forEach((p, idx) => {
    if (p.kind === 'word') {
      tokens.push(p.text);
      return;
    }
    const c = p.chars;
    const last = idx === ps.length - 1;
    for (let k = 0; k + 1 < c.length; k++) tokens.push(c[k]! + c[k + 1]!);
    if (!last || c.length === 1) tokens.push(c[c.length - 1]!);
    if (last && c.length === 1) prefixLast = true;
  });
  return { tokens, prefixLast };
}

const CJK_GAP = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/**
 * Spellings of a term to match: Chinese is written without spaces, so a space between two CJK
 * characters in a query ("警方 通报") also matches them written together (警方通报).
 */
export function termVariants(s: string): string[] {
  const joined = s.replace(CJK_GAP, '$1');
  return joined === s ? [s] : [s, joined];
}
