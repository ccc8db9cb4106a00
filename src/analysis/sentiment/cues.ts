// The small dense feature vector the three-class layer reads: the review model's margin, the lexicon's
// counts and a few surface cues of register (exclamations, questions, dates and figures).
import { CUE_NAMES, lexiconCounts } from './lexicon.ts';

export const FEATURE_NAMES = ['review_margin', ...CUE_NAMES, 'exclamations', 'questions', 'dates', 'figures', 'length'] as const;

/** Exclamation marks, question marks and runs of digits (prepText turned every digit into 0), in one pass. */
function surface(s: string): [number, number, number] {
  let bang = 0;
  let ask = 0;
  let figures = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x21) bang++;
    else if (c === 0x3f) ask++;
    else if (c === 0x30 && prev !== 0x30) figures++;
    prev = c;
  }
  return [bang, ask, figures];
}

const DATE = /0+(月|日|时|年|号)/;

/** Dense features (named by FEATURE_NAMES) of prepared text given the review model's margin. */
export function cueVector(text: string, reviewMargin: number): Float64Array {
  const lex = lexiconCounts(text);
  const v = new Float64Array(FEATURE_NAMES.length);
  let k = 0;
  v[k++] = Math.tanh(reviewMargin / 2);
  for (const c of lex) v[k++] = Math.log1p(c);
  const [bang, ask, figures] = surface(text); // ！？ are folded to ASCII
  v[k++] = Math.min(bang, 3) / 3;
  v[k++] = Math.min(ask, 3) / 3;
  v[k++] = DATE.test(text) ? 1 : 0;
  v[k++] = Math.min(figures, 5) / 5;
  v[k++] = Math.log1p(text.length) / 6;
  return v;
}
