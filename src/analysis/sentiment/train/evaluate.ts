// Quality figures: the model against the baseline on each held-out review set (two-class) and on
// the public-affairs test and held-out sentences (three-class), in one run.
import { scoreText } from '../classify.ts';
import { readModel, type SentimentModel } from '../model.ts';
import { LABELS } from '../three-class.ts';
import { bandLabel, baselineMargin, bestBand, trainBaseline } from './baseline.ts';
import { score } from './metrics.ts';
import { loadPublicAffairs } from './public-affairs.ts';
import { loadReviews, REVIEW_SETS } from './review-data.ts';

export interface EvalOptions {
  dataDir?: string;
  model?: SentimentModel;
  log?: (msg: string) => void;
}

/** Flat record of figures: sentiment_acc_<set>, sentiment_macro_f1_<set>, baseline_… alike. */
export function evaluateSentiment(o: EvalOptions = {}): Record<string, number> {
  const log = o.log ?? (() => {});
  const model = o.model ?? readModel();
  const reviews = loadReviews(o.dataDir);
  const train = reviews.filter((r) => r.split === 'train');
  log(`baseline: training on ${train.length} review texts`);
  const base = trainBaseline(train.map((r) => r.text), train.map((r) => r.label));
  const out: Record<string, number> = {};
  const pn = ['negative', 'positive'] as const;
  for (const set of [...REVIEW_SETS, 'reviews'] as const) {
    const test = reviews.filter((r) => r.split === 'test' && (set === 'reviews' || r.set === set));
    const gold = test.map((r) => pn[r.label]);
    const ours = score(gold, test.map((r) => pn[scoreText(model, r.text).margin > 0 ? 1 : 0]), pn);
    const api = score(gold, test.map((r) => pn[scoreText(model, r.text).score > 0 ? 1 : 0]), pn);
    const theirs = score(gold, test.map((r) => pn[baselineMargin(base, r.text) > 0 ? 1 : 0]), pn);
    out[`sentiment_acc_${set}`] = ours.accuracy;
    out[`sentiment_macro_f1_${set}`] = ours.macroF1;
    out[`sentiment_acc_${set}_3class_score_sign`] = api.accuracy;
    out[`baseline_sentiment_acc_${set}`] = theirs.accuracy;
    out[`baseline_sentiment_macro_f1_${set}`] = theirs.macroF1;
    out[`sentiment_test_n_${set}`] = test.length;
  }
  const cal = loadPublicAffairs('calibration');
  const band = bestBand(cal.map((s) => baselineMargin(base, s.text)), cal.map((s) => s.label));
  // The test part was written by the lexicon's author; the held-out part was written later without
  // looking at the lexicon and is never trained or tuned on.
  for (const [part, key] of [['test', 'public_affairs'], ['heldout', 'public_affairs_heldout']] as const) {
    const sentences = loadPublicAffairs(part);
    const gold = sentences.map((s) => s.label);
    const ours = score(gold, sentences.map((s) => scoreText(model, s.text).label), LABELS);
    const theirs = score(gold, sentences.map((s) => bandLabel(baselineMargin(base, s.text), band.lo, band.hi)), LABELS);
    out[`sentiment_acc_${key}_3class`] = ours.accuracy;
    out[`sentiment_macro_f1_${key}_3class`] = ours.macroF1;
    out[`baseline_sentiment_acc_${key}_3class`] = theirs.accuracy;
    out[`baseline_sentiment_macro_f1_${key}_3class`] = theirs.macroF1;
    out[`sentiment_test_n_${key}`] = sentences.length;
  }
  return out;
}
