// The parts under the classifier: text folding, hashed features and the negation-aware lexicon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepText } from '../../src/analysis/sentiment/text-prep.ts';
import { featureBuckets } from '../../src/analysis/sentiment/features.ts';
import { CUE_NAMES, lexiconCounts } from '../../src/analysis/sentiment/lexicon.ts';

/** Non-zero lexicon counts by cue name. */
function cues(text: string): Record<string, number> {
  const c = lexiconCounts(prepText(text));
  return Object.fromEntries(CUE_NAMES.map((n, i) => [n, c[i]!] as const).filter(([, v]) => v !== 0));
}

test('prepText folds traditional, full-width, digits and whitespace', () => {
  assert.equal(prepText('服務ＡＢＣ１２３\n\t 好'), '服务abc000 好');
  assert.equal(prepText('  前后空白  '), '前后空白');
});

test('featureBuckets is deterministic and within the table', () => {
  const spec = { bits: 16, charN: 3 };
  const a = Array.from(featureBuckets(prepText('春眠不觉晓'), spec));
  assert.equal(a.length, 5 + 4 + 3); // distinct 1-, 2- and 3-grams
  assert.deepEqual(Array.from(featureBuckets(prepText('春眠不觉晓'), spec)), a);
  const twice = Array.from(featureBuckets(prepText('春眠不觉晓春眠不觉晓'), spec));
  assert.equal(new Set(twice).size, twice.length); // presence features: repeats collapse
  assert.ok(twice.every((j) => j >= 0 && j < 1 << 16));
  assert.equal(featureBuckets('', spec).length, 0);
});

const NEGATION: { text: string; want: Record<string, number> }[] = [
  { text: '不好吃', want: { negative: 1 } },
  { text: '并不满意', want: { negative: 1 } },
  { text: '非常不满意', want: { negative: 1 } },
  { text: '服务不到位', want: { negative: 1 } },
  { text: '没有问题', want: { positive: 1 } },
  { text: '没有发生事故', want: { positive: 0.5 } },
  { text: '不差', want: { positive: 0.5 } },
  { text: '不是不好', want: { positive: 0.5 } },
  { text: '不断提升', want: { positive: 1 } },
  { text: '特别满意', want: { positive: 1 } },
  { text: '别人都很满意', want: { positive: 1 } },
  { text: '不满意，但是很方便', want: { negative: 1, positive: 1 } },
];

for (const c of NEGATION) {
  test(`lexicon negation: ${c.text}`, () => {
    assert.deepEqual(cues(c.text), c.want);
  });
}

test('lexicon: register cues of a notice and of a complaint', () => {
  const notice = cues('据悉，县住建局已责成供热公司上门检测，结果将及时公布。');
  assert.ok((notice.official ?? 0) > 0 && (notice.handling ?? 0) > 0);
  const complaint = cues('我们小区凭什么天天停水？到底谁来管？');
  assert.ok((complaint.complaint ?? 0) >= 3);
});
