// Scoring one text with a given model: review margin, cue vector, three-class probabilities.
import { featureBuckets } from './features.ts';
import { cueVector } from './cues.ts';
import { reviewMargin, type SentimentModel } from './model.ts';
import { argmax, classProbs, LABELS } from './three-class.ts';
import { prepText } from './text-prep.ts';
import type { SentimentResult } from '../types.ts';

export interface SentimentDetail extends SentimentResult {
  /** Review model log-odds of positive (two-class). */
  margin: number;
  /** [negative, neutral, positive]. */
  probs: [number, number, number];
}

/** Full scoring of `text` with `model`. */
export function scoreText(model: SentimentModel, text: string): SentimentDetail {
  const prepared = prepText(text);
  const margin = reviewMargin(model, featureBuckets(prepared, model.spec));
  const probs = classProbs(model.layer, cueVector(prepared, margin));
  const score = Math.max(-1, Math.min(1, probs[2] - probs[0]));
  return { label: LABELS[argmax(probs)]!, score: Math.round(score * 1e4) / 1e4, margin, probs };
}
