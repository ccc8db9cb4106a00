// Text preparation shared by training and runtime: fold the text as src/text/normalise.ts does
// (Simplified, half-width, lower case) but character by character through a cache, which is many
// times faster than phrase-level OpenCC; then blur what carries no sentiment (every digit becomes 0,
// whitespace runs become one space).
import { t2s } from '../../text/traditional-chars.ts';

/** Longest text looked at: sentiment is settled well before 2,000 characters, and this bounds the cost. */
export const MAX_CHARS = 2000;

/** Folded code unit per code unit; 0 = not computed yet. */
const fold = new Uint16Array(0x10000);

/** Fold one UTF-16 code unit (a conversion that would change the length keeps the character). */
function foldUnit(c: number): number {
  const cached = fold[c]!;
  if (cached !== 0) return cached;
  let f = c;
  if (c >= 0xff01 && c <= 0xff5e) f = c - 0xfee0;
  else if (c === 0x3000) f = 0x20;
  if (f >= 0x41 && f <= 0x5a) f += 0x20;
  else if (f >= 0x3400 && f <= 0x9fff) {
    const s = t2s(String.fromCharCode(f));
    if (s.length === 1) f = s.charCodeAt(0);
  }
  if (f >= 0x30 && f <= 0x39) f = 0x30;
  if (f === 0x09 || f === 0x0a || f === 0x0d || f === 0xa0) f = 0x20;
  fold[c] = f === 0 ? 0x20 : f;
  return fold[c]!;
}

/** Output code units of the current call (reused: MAX_CHARS bounds the output). */
const codes = new Uint16Array(MAX_CHARS);

/** Fold and blur `text` for feature extraction; deterministic. */
export function prepText(text: string): string {
  const n = Math.min(text.length, MAX_CHARS);
  let m = 0;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = foldUnit(text.charCodeAt(i));
    if (c === 0x20) {
      space = m > 0;
      continue;
    }
    if (space) codes[m++] = 0x20;
    space = false;
    codes[m++] = c;
  }
  // Code units straight to a string (a lone surrogate passes through as fromCharCode would keep it).
  let out = '';
  for (let i = 0; i < m; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(m, i + 4096)) as unknown as number[]);
  return out;
}
