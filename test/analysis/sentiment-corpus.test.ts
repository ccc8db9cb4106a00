// The public-affairs sentences: well-formed, all three classes present, calibration and test kept apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPublicAffairs } from '../../src/analysis/sentiment/train/public-affairs.ts';
import { score } from '../../src/analysis/sentiment/train/metrics.ts';
import { bestBand, bandLabel } from '../../src/analysis/sentiment/train/baseline.ts';

test('public-affairs corpus: all parts load, classes balanced, no sentence in two parts', () => {
  const cal = loadPublicAffairs('calibration');
  const tst = loadPublicAffairs('test');
  const held = loadPublicAffairs('heldout');
  for (const part of [cal, tst, held]) {
    for (const label of ['negative', 'neutral', 'positive'] as const) {
      const n = part.filter((s) => s.label === label).length;
      assert.ok(n >= part.length / 4, `${label}: ${n} of ${part.length}`);
    }
  }
  assert.ok(held.length >= 150, `held-out part: ${held.length}`);
  const calTexts = new Set(cal.map((s) => s.text));
  const tstTexts = new Set(tst.map((s) => s.text));
  assert.deepEqual(tst.filter((s) => calTexts.has(s.text)), []);
  assert.deepEqual(held.filter((s) => calTexts.has(s.text) || tstTexts.has(s.text)), []);
  assert.equal(new Set(held.map((s) => s.text)).size, held.length, 'no repeats in the held-out part');
});

test('metrics: accuracy and macro-F1 on a hand-checked case', () => {
  const s = score(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], ['a', 'b']);
  assert.equal(s.accuracy, 0.75);
  // F1(a) = 2/3, F1(b) = 0.8
  assert.ok(Math.abs(s.macroF1 - (2 / 3 + 0.8) / 2) < 1e-12);
});

test('baseline neutral band: the best band separates three clean groups', () => {
  const margins = [-3, -2.5, -2, 0, 0.1, -0.1, 2, 3, 2.5];
  const gold = ['negative', 'negative', 'negative', 'neutral', 'neutral', 'neutral', 'positive', 'positive', 'positive'] as const;
  const { lo, hi } = bestBand(margins, [...gold]);
  assert.deepEqual(margins.map((m) => bandLabel(m, lo, hi)), [...gold]);
});
