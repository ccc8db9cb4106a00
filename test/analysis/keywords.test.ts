import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractKeywords, isKeywordCandidate, cutWords, keywordsFromWords } from '../../src/analysis/keywords.ts';

test('keyword candidates exclude stop words, numbers, dates, single characters and junk', () => {
  const cases: [string, boolean][] = [
    ['拆迁', true],
    ['融水苗族自治县', true],
    ['PM2.5', true],
    ['LOGO', true],
    ['的', false],
    ['我们', false],
    ['2026', false],
    ['10086', false],
    ['19日', false],
    ['三十', false],
    ['第一', false],
    ['转发微博', false],
    ['http', false],
    ['，', false],
    ['x', false],
  ];
  for (const [word, want] of cases) assert.equal(isKeywordCandidate(word), want, word);
});

test('keywords are ranked by TF-IDF, title words count more, at most k', () => {
  const kw = extractKeywords('融水县安陲乡发生山体滑坡', '11月19日，融水苗族自治县安陲乡发生山体滑坡，3人被困，消防正在救援。2026年11月19日10时', 5);
  assert.equal(kw.length, 5);
  assert.ok(kw.includes('滑坡'), kw.join(','));
  assert.ok(kw.includes('安陲'), kw.join(','));
  for (const w of kw) assert.ok(!/^\d/.test(w) && w.length >= 2, w);
  // A word only in the title outranks the same word only in the content.
  const a = extractKeywords('欠薪', '农民工 讨薪 维权 工地 老板');
  const b = extractKeywords('', '欠薪 农民工 讨薪 维权 工地 老板');
  assert.ok(a.indexOf('欠薪') <= b.indexOf('欠薪'));
  assert.equal(a[0], '欠薪');
});

test('keywordsFromWords over one cut equals extractKeywords', () => {
  const title = '城管暴力执法引发围观';
  const content = '网友爆料称，某县城管在执法过程中殴打摊贩，引发群众围观。';
  assert.deepEqual(keywordsFromWords(cutWords(`${title}\n${content}`), title.length, 6), extractKeywords(title, content, 6));
  assert.deepEqual(extractKeywords('', ''), []);
});
