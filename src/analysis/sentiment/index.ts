// Runtime sentiment API: negative / neutral / positive with a signed score for any text.
// The model (src/analysis/sentiment/model/, see its MODEL.md) is loaded lazily, once per process.
import { readModel, type SentimentModel } from './model.ts';
import { scoreText } from './classify.ts';
import type { SentimentResult } from '../types.ts';

let model: SentimentModel | null = null;

/** The committed model, read on first call. */
export function sentimentModel(): SentimentModel {
  model ??= readModel();
  return model;
}

/** Classify one text; `score` is P(positive) − P(negative), in [-1, 1]. Deterministic. */
export function classifySentiment(text: string): SentimentResult {
  const { label, score } = scoreText(sentimentModel(), text);
  return { label, score };
}

export type { SentimentResult } from '../types.ts';
