// Trains the whole sentiment model from the shared review sets and the public-affairs calibration part.
import { MODEL_VERSION, quantise, reviewMargin, type SentimentModel } from '../model.ts';
import { cueVector } from '../cues.ts';
import { featureBuckets } from '../features.ts';
import { prepText } from '../text-prep.ts';
import { LABELS } from '../three-class.ts';
import { fitLayerCv } from './fit-three-class.ts';
import { fitReview, REVIEW_FIT } from './fit-review.ts';
import { loadPublicAffairs } from './public-affairs.ts';
import { loadReviewsWithStats, type Review, type ReviewStats } from './review-data.ts';
import { fnvString, mix32 } from '../../../util/hash.ts';

/** Reviews per class added to the layer's fit, and the weight of each against a calibration sentence. */
export const REVIEW_ANCHORS = 100;
export const ANCHOR_WEIGHT = 0.5;

/** `perClass` training reviews of each label, picked by a hash of the text (deterministic). */
function reviewAnchors(train: readonly Review[], perClass: number): Review[] {
  const pick = (label: 0 | 1) =>
    train
      .filter((r) => r.label === label)
      .map((r) => ({ r, h: mix32(fnvString(r.text, 0x5eed)) }))
      .sort((a, b) => a.h - b.h)
      .slice(0, perClass)
      .map((e) => e.r);
  return [...pick(0), ...pick(1)];
}

export interface TrainReport {
  model: SentimentModel;
  reviewTrainTexts: number;
  /** Near-duplicate grouping of the review texts (review-data.ts). */
  reviewStats: ReviewStats;
  calibrationSentences: number;
  anchors: number;
  lambda: number;
  cvAccuracy: number;
}

/** Train from `dataDir` (the shared data folder); deterministic for the same inputs. */
export function trainSentiment(dataDir?: string, log: (msg: string) => void = () => {}): TrainReport {
  const { reviews, stats: reviewStats } = loadReviewsWithStats(dataDir);
  const train = reviews.filter((r) => r.split === 'train');
  log(`review model: ${train.length} training texts`);
  const lr = fitReview(train.map((r) => r.text), train.map((r) => r.label));
  const { weights, scale } = quantise(lr.w);
  const model: SentimentModel = {
    version: MODEL_VERSION,
    spec: REVIEW_FIT.spec,
    review: { bias: lr.bias, scale },
    weights,
    layer: { mean: [], std: [], weights: [], bias: [] },
  };
  const cal = loadPublicAffairs('calibration');
  // A few reviews too (two-class, lower weight), so the layer keeps trusting the review model on
  // review-like posts; the neutral class is learned from the calibration sentences alone.
  const anchors = reviewAnchors(train, REVIEW_ANCHORS);
  log(`three-class layer: ${cal.length} calibration sentences + ${anchors.length} review anchors`);
  const texts = [...cal.map((s) => s.text), ...anchors.map((r) => r.text)];
  const x = texts.map((t) => {
    const prepared = prepText(t);
    return cueVector(prepared, reviewMargin(model, featureBuckets(prepared, model.spec)));
  });
  const y = [...cal.map((s) => LABELS.indexOf(s.label)), ...anchors.map((r) => (r.label === 1 ? 2 : 0))];
  const weight = [...cal.map(() => 1), ...anchors.map(() => ANCHOR_WEIGHT)];
  const fit = fitLayerCv(x, y, weight, [...cal.map(() => true), ...anchors.map(() => false)]);
  model.layer = fit.layer;
  return { model, reviewTrainTexts: train.length, reviewStats, calibrationSentences: cal.length, anchors: anchors.length, lambda: fit.lambda, cvAccuracy: fit.cvAccuracy };
}
