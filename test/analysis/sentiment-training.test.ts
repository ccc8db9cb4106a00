// Training data and fitting of the review model: near-duplicates are grouped and never straddle the
// train/test split, contradictory groups are dropped, and fitting is deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dedupKey, nearDuplicateGroups } from '../../src/analysis/sentiment/train/near-duplicates.ts';
import { loadReviewsWithStats, REVIEW_SETS } from '../../src/analysis/sentiment/train/review-data.ts';
import { fitReview, REVIEW_FIT } from '../../src/analysis/sentiment/train/fit-review.ts';
import { quantise, readModel, writeModel, MODEL_VERSION, type SentimentModel } from '../../src/analysis/sentiment/model.ts';
import { featureBuckets } from '../../src/analysis/sentiment/features.ts';
import { prepText } from '../../src/analysis/sentiment/text-prep.ts';

/** The shared review sets, grouped and split once for the tests that read them (~7 s). */
let loaded: ReturnType<typeof loadReviewsWithStats> | null = null;
const reviewData = () => (loaded ??= loadReviewsWithStats());

const LONG_REVIEW =
  '酒店位置很好，离地铁站步行五分钟，周边吃饭购物都很方便。房间有些旧了，而且我住的房间进去后居然没有打扫出来，前台和服务员协同不好，等了四十分钟才换好房间。';

test('dedupKey blurs punctuation, spacing, case, traditional characters and numbers', () => {
  const a = dedupKey('房間很乾淨，服務態度好！2008年7月19日入住 WIFI很快');
  const b = dedupKey('房间很干净 服务态度好 2009年1月3日入住wifi很快。。。');
  assert.equal(a, b);
  assert.notEqual(dedupKey('房间很干净'), dedupKey('房间很脏'));
});

test('nearDuplicateGroups: variants, edits and cut-out sentences share a group; unrelated texts do not', () => {
  const texts = [
    LONG_REVIEW, // 0
    '房间有些旧了，而且我住的房间进去后居然没有打扫出来，前台和服务员协同不好', // 1: a sentence cut out of 0
    '房間有些舊了，而且我住的房間進去後居然沒有打掃出來，前台和服務員協同不好！！', // 2: 1 in traditional characters
    '外卖送得很快，包装也很严实，菜还是热的，下次还会再点这家的红烧肉盖饭。', // 3: unrelated
    '外卖送得很快，包装也很严实，菜还是热的，下次还会再点这家的宫保鸡丁盖饭。', // 4: 3 with two words changed
    '还不错', // 5: short phrase, appears inside 6 by chance
    '还不错，就是送餐慢了点，等了一个多小时，饭都凉了，以后不会再点这家了。', // 6
  ];
  const g = nearDuplicateGroups(texts);
  assert.equal(g[1], g[0]);
  assert.equal(g[2], g[0]);
  assert.equal(g[4], g[3]);
  assert.notEqual(g[3], g[0]);
  assert.notEqual(g[5], g[6], 'a short phrase is matched by key only');
  assert.deepEqual(Array.from(nearDuplicateGroups(texts)), Array.from(g), 'deterministic');
});

test('review split: no near-duplicate group straddles it, no group carries both labels, ~20 % held out per set', () => {
  const { reviews, stats } = reviewData();
  assert.ok(stats.groups > 500 && stats.contradictory > 0, JSON.stringify(stats));
  const sideOfGroup = new Map<number, string>();
  const labelOfGroup = new Map<number, number>();
  const sideOfKey = new Map<string, string>();
  for (const r of reviews) {
    assert.equal(sideOfGroup.get(r.group) ?? r.split, r.split, `group ${r.group} on both sides`);
    sideOfGroup.set(r.group, r.split);
    assert.equal(labelOfGroup.get(r.group) ?? r.label, r.label, `group ${r.group} with both labels`);
    labelOfGroup.set(r.group, r.label);
    const k = dedupKey(r.text);
    assert.equal(sideOfKey.get(k) ?? r.split, r.split, `same key on both sides: ${r.text.slice(0, 30)}`);
    sideOfKey.set(k, r.split);
  }
  for (const set of REVIEW_SETS) {
    const all = reviews.filter((r) => r.set === set);
    const share = all.filter((r) => r.split === 'test').length / all.length;
    assert.ok(share > 0.16 && share < 0.24, `${set}: ${share}`);
  }
});

test('review model fitting is deterministic, and the int8 model file reads back as written', () => {
  const { reviews } = reviewData();
  const sample = reviews.filter((r, i) => r.split === 'train' && i % 20 === 0);
  const texts = sample.map((r) => r.text);
  const labels = sample.map((r) => r.label);
  const opts = { ...REVIEW_FIT, spec: { ...REVIEW_FIT.spec, bits: 16 }, epochs: 2 };
  const a = fitReview(texts, labels, opts);
  const b = fitReview(texts, labels, opts);
  assert.equal(a.bias, b.bias);
  assert.deepEqual(a.w, b.w);
  const other = fitReview(texts, labels, { ...opts, seed: opts.seed + 1 });
  assert.notDeepEqual(other.w, a.w, 'the seed orders the updates');

  const { weights, scale } = quantise(a.w);
  const model: SentimentModel = { version: MODEL_VERSION, spec: opts.spec, review: { bias: a.bias, scale }, weights, layer: { mean: [], std: [], weights: [], bias: [] } };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senti-model-'));
  try {
    writeModel(model, dir);
    const back = readModel(dir);
    assert.deepEqual(back.weights, weights);
    assert.deepEqual(back.spec, opts.spec);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('negation copies: a negated phrase gets features its plain form lacks, and clause ends stop the scope', () => {
  const spec = { bits: 20, charN: 2, negation: true };
  const plain = new Set(featureBuckets(prepText('满意'), { ...spec, negation: false }));
  const negated = Array.from(featureBuckets(prepText('不满意'), spec));
  const plainOfNegated = new Set(featureBuckets(prepText('不满意'), { ...spec, negation: false }));
  assert.ok(negated.length > plainOfNegated.size, 'marked copies added');
  assert.ok([...plain].every((j) => plainOfNegated.has(j)));
  // 不。满意: the full stop ends the scope, so nothing after it is marked
  const stopped = featureBuckets(prepText('不。满意'), spec).length;
  assert.equal(stopped, featureBuckets(prepText('不。满意'), { ...spec, negation: false }).length);
});
