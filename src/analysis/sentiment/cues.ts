// The small dense feature vector the three-class layer reads: the review model's margin, the lexicon's
// counts and a few surface cues of register (exclamations, questions, dates and figures).
import { CUE_NAMES, lexiconCounts } from './lexicon.ts';
import type { PreparedText } from './text-prep.ts';

export const FEATURE_NAMES = ['review_margin', ...CUE_NAMES, 'exclamations', 'questions', 'dates', 'figures', 'length'] as const;

/** Count code units equal to `c`. */
function countChar(s: string, c: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === c) n++;
  return n;
}

/** Runs of digits (prepText turned every digit into 0). */
function figureRuns(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x30 && (i === 0 || s.charCodeAt(i - 1) !== 0x30)) n++;
  return n;
}

const DATE = /0+(月|日|时|年|号)/;

/** Dense features (named by FEATURE_NAMES) of a prepared text given the review model's margin. */
export function cueVector(p: PreparedText, reviewMargin: number): Float64Array {
  const lex = lexiconCounts(p.text);
  const v = new Float64Array(FEATURE_NAMES.length);
  let k = 0;
  v[k++] = Math.tanh(reviewMargin / 2);
  for (const c of lex) v[k++] = Math.log1p(c);
  v[k++] = Math.min(countChar(p.text, 0x21), 3) / 3; // ! (full-width folded to ASCII)
  v[k++] = Math.min(countChar(p.text, 0x3f), 3) / 3; // ?
  v[k++] = DATE.test(p.text) ? 1 : 0;
  v[k++] = Math.min(figureRuns(p.text), 5) / 5;
  v[k++] = Math.log1p(p.text.length) / 6;
  return v;
}
