// The hand-written public-affairs sentences (negative / neutral / positive): a calibration part (fits the
// three-class layer), a test part and an independent held-out part written later without looking at the
// lexicon (both read only by eval).
import fs from 'node:fs';
import path from 'node:path';
import type { SentimentLabel } from '../../types.ts';

export interface LabelledSentence {
  text: string;
  label: SentimentLabel;
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../corpus');

export type PublicAffairsPart = 'calibration' | 'test' | 'heldout';

/** Read `public-affairs-<part>.jsonl`. */
export function loadPublicAffairs(part: PublicAffairsPart, dir: string = CORPUS_DIR): LabelledSentence[] {
  const file = path.join(dir, `public-affairs-${part}.jsonl`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const o = JSON.parse(l) as Partial<LabelledSentence>;
      if (typeof o.text !== 'string' || !['negative', 'neutral', 'positive'].includes(String(o.label))) {
        throw new Error(`${file}:${i + 1}: expected {text, label}`);
      }
      return { text: o.text, label: o.label as SentimentLabel };
    });
}
