// Trains the whole sentiment model from the shared review sets and the public-affairs calibration part.
import { quantise, type SentimentModel } from '../model.ts';
import { cueVector } from '../cues.ts';
import { featureBuckets } from '../features.ts';
import { reviewMargin } from '../model.ts';
import { prepare } from '../text-prep.ts';
import { LABELS } from '../three-class.ts';
import { fitLayerCv } from './fit-three-class.ts';
import { fitReview, REVIEW_FIT } from './fit-review.ts';
import { loadPublicAffairs } from './public-affairs.ts';
import { loadReviews } from './review-data.ts';

export interface TrainReport {
  model: SentimentModel;
  reviewTrainTexts: number;
  calibrationSentences: number;
  lambda: number;
  cvAccuracy: number;
}

/** Train from `dataDir` (the shared data folder); deterministic for the same inputs. */
export function trainSentiment(dataDir?: string, log: (msg: string) => void = () => {}): TrainReport {
  const train = loadReviews(dataDir).filter((r) => r.split === 'train');
  log(`review model: ${train.length} training texts`);
  const lr = fitReview(train.map((r) => r.text), train.map((r) => r.label));
  const { weights, scale } = quantise(lr.w);
  const model: SentimentModel = {
    version: 1,
    spec: REVIEW_FIT.spec,
    review: { bias: lr.bias, scale },
    weights,
    layer: { mean: [], std: [], weights: [], bias: [] },
  };
  const cal = loadPublicAffairs('calibration');
  log(`three-class layer: ${cal.length} calibration sentences`);
  const x = cal.map((s) => {
    const p = prepare(s.text, model.spec.words);
    return cueVector(p, reviewMargin(model, featureBuckets(p.text, p.tokens, model.spec)));
  });
  const fit = fitLayerCv(x, cal.map((s) => LABELS.indexOf(s.label)));
  model.layer = fit.layer;
  return { model, reviewTrainTexts: train.length, calibrationSentences: cal.length, lambda: fit.lambda, cvAccuracy: fit.cvAccuracy };
}
