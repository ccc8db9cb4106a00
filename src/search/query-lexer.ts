// Splits a search query into tokens with their offsets. Full-width forms that Chinese input methods
// produce (（）｜“”＂－) are read like their ASCII counterparts.
import { YqError } from '../errors.ts';

export type LexKind = 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'word' | 'phrase' | 'eof';

export interface LexToken {
  kind: LexKind;
  /** Offset (0-based, UTF-16 code units) of the token in the query. */
  pos: number;
  /** Text of a word or the inside of a phrase; the source text for operators. */
  text: string;
}

const QUOTES = new Set(['"', '＂', '“', '”']);
const SPECIAL = new Set(['(', ')', '（', '）', '|', '｜', ...QUOTES]);
const KEYWORDS: Record<string, LexKind> = { AND: 'and', OR: 'or', NOT: 'not' };

/** Throw the query syntax error naming the position (1-based, like topic expressions) and what was expected. */
export function syntaxError(offset: number, expected: string, found: string): never {
  const position = offset + 1;
  throw new YqError('YQ_ERR_QUERY_SYNTAX', `position ${position}: expected ${expected}, found ${found}`, {
    details: { position, expected, found },
  });
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

/** Tokenise the query; a lone '-' and an unterminated quote are errors at their offset. */
export function lex(q: string): LexToken[] {
  const out: LexToken[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === '（') {
      out.push({ kind: 'lparen', pos: i, text: ch });
      i++;
    } else if (ch === ')' || ch === '）') {
      out.push({ kind: 'rparen', pos: i, text: ch });
      i++;
    } else if (ch === '|' || ch === '｜') {
      out.push({ kind: 'or', pos: i, text: ch });
      i++;
    } else if (QUOTES.has(ch)) {
      let j = i + 1;
      while (j < q.length && !QUOTES.has(q[j]!)) j++;
      if (j >= q.length) syntaxError(q.length, `a closing quote for the phrase opened at position ${i + 1}`, 'end of query');
      out.push({ kind: 'phrase', pos: i, text: q.slice(i + 1, j) });
      i = j + 1;
    } else if ((ch === '-' || ch === '－') && startsTermAfter(q, i)) {
      const next = q[i + 1];
      if (next === undefined || isSpace(next) || next === ')' || next === '）' || next === '|' || next === '｜') {
        syntaxError(i + 1, "a term after '-'", next === undefined ? 'end of query' : isSpace(next) ? 'a space' : `'${next}'`);
      }
      out.push({ kind: 'not', pos: i, text: ch });
      i++;
    } else {
      let j = i;
      while (j < q.length && !isSpace(q[j]) && !SPECIAL.has(q[j]!)) j++;
      const text = q.slice(i, j);
      out.push({ kind: KEYWORDS[text] ?? 'word', pos: i, text });
      i = j;
    }
  }
  out.push({ kind: 'eof', pos: q.length, text: '' });
  return out;
}

/** A '-' is a NOT only where a term starts: at the beginning, after a space, '(' or '|'. */
function startsTermAfter(q: string, i: number): boolean {
  const prev = q[i - 1];
  return prev === undefined || isSpace(prev) || prev === '(' || prev === '（' || prev === '|' || prev === '｜';
}
