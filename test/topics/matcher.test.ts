import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopicMatcher } from '../../src/topics/matcher.ts';
import { normalise } from '../../src/text/normalise.ts';
import { near } from '../../src/topics/evaluate.ts';
import { SEED_VARIANTS } from '../../src/topics/seed-variants.ts';
import { triggerTerms } from '../../src/topics/ast.ts';
import { parseTopic } from '../../src/topics/parse.ts';

const matches = (expression: string, text: string, variants = SEED_VARIANTS): boolean =>
  TopicMatcher.compile([{ id: 7, expression }], variants).match(normalise(text)).length > 0;

const cases: { name: string; expr: string; text: string; want: boolean }[] = [
  { name: 'or: first alternative', expr: '融水|三江', text: '融水县召开会议', want: true },
  { name: 'or: none', expr: '融水|三江', text: '柳州市召开会议', want: false },
  { name: 'and: both', expr: '融水+拆迁', text: '融水县城区拆迁工作推进', want: true },
  { name: 'and: one missing', expr: '融水+拆迁', text: '融水县城区改造推进', want: false },
  { name: 'and: word inside a longer word', expr: '城管+拆迁', text: '城管局回应拆迁户诉求', want: true },
  { name: 'not: excluded word present', expr: '(融水|融水县)+(拆迁|强拆|补偿)-招聘', text: '融水县拆迁办招聘工作人员', want: false },
  { name: 'not: excluded word absent', expr: '(融水|融水县)+(拆迁|强拆|补偿)-招聘', text: '融水县拆迁补偿款迟迟未到位', want: true },
  { name: 'not of a group', expr: '拆迁-(招聘|广告)', text: '拆迁公司广告', want: false },
  { name: 'phrase with space', expr: '"new york"', text: 'New York times', want: true },
  { name: 'phrase needs the exact spacing', expr: '"new york"', text: 'newyork', want: false },
  { name: 'proximity in order', expr: '"融水 拆迁"~5', text: '融水县城区拆迁', want: true },
  { name: 'proximity reversed order', expr: '"融水 拆迁"~5', text: '拆迁工作在融水', want: true },
  { name: 'proximity exactly at the limit', expr: '"融水 拆迁"~3', text: '融水一二三拆迁', want: true },
  { name: 'proximity one over the limit', expr: '"融水 拆迁"~3', text: '融水一二三四拆迁', want: false },
  { name: 'proximity reversed, over the limit', expr: '"融水 拆迁"~3', text: '拆迁一二三四融水', want: false },
  { name: 'proximity uses the closest pair', expr: '"融水 拆迁"~2', text: '融水一二三四五拆迁又到融水', want: true },
  { name: 'proximity of three words', expr: '"融水 拆迁 补偿"~5', text: '补偿款，融水县拆迁', want: true },
  { name: 'proximity of three words, one too far', expr: '"融水 拆迁 补偿"~5', text: '补偿款一二三四五六，融水县拆迁', want: false },
  { name: 'proximity zero means touching', expr: '"融水 拆迁"~0', text: '拆迁融水', want: true },
  { name: 'variant: pinyin abbreviation', expr: '政府+拆迁', text: '拆迁的事zf不管', want: true },
  { name: 'variant: upper case and full-width spelling', expr: '政府+拆迁', text: '拆迁的事ＺＦ不管', want: true },
  { name: 'variant: homophone', expr: '和谐', text: '又被河蟹了', want: true },
  { name: 'variant: slang for police', expr: '警察', text: '蜀黍来了', want: true },
  { name: 'variant: inside proximity', expr: '"城管 打人"~3', text: 'cg又打人了', want: true },
  { name: 'variant: only term direction (zf does not match 政府 text)', expr: 'zf', text: '县政府', want: false },
  { name: 'latin variant not inside an English word', expr: '政府', text: 'zfs filesystem', want: false },
  { name: 'latin variant not at a word end', expr: '政府', text: 'the xzf tool', want: false },
  { name: 'latin variant next to Chinese and digits', expr: '政府', text: '当地zf2024年通报', want: true },
  { name: 'traditional text matches simplified term', expr: '融水县+拆迁', text: '融水縣拆遷補償', want: true },
  { name: 'traditional term matches simplified text', expr: '融水縣+拆遷', text: '融水县拆迁补偿', want: true },
  { name: 'full-width text', expr: 'ABC+拆迁', text: 'ＡＢＣ公司拆迁', want: true },
  { name: 'negative-only hit does not match', expr: '拆迁-招聘', text: '招聘', want: false },
];

for (const c of cases) {
  test(`match: ${c.name}`, () => {
    assert.equal(matches(c.expr, c.text), c.want);
  });
}

test('several topics: ids ascending, only those that match', () => {
  const m = TopicMatcher.compile([
    { id: 3, expression: '融水+拆迁' },
    { id: 1, expression: '拆迁-融水' },
    { id: 2, expression: '补偿|拆迁' },
    { id: 9, expression: '(broken' },
  ]);
  assert.deepEqual(m.match(normalise('融水县拆迁补偿')), [2, 3]);
  assert.deepEqual(m.match(normalise('柳州拆迁')), [1, 2]);
  assert.deepEqual(m.match(normalise('无关内容')), []);
  assert.deepEqual(m.invalid.map((i) => i.id), [9]);
});

test('scan reports which spelling hit and where', () => {
  const m = TopicMatcher.compile([{ id: 1, expression: '政府+拆迁' }], SEED_VARIANTS);
  const hits: { term: string; found: string; start: number; end: number }[] = [];
  m.scan(normalise('拆迁ZF'), hits);
  assert.deepEqual(hits.sort((a, b) => a.start - b.start), [
    { term: '拆迁', found: '拆迁', start: 0, end: 2 },
    { term: '政府', found: 'zf', start: 2, end: 4 },
  ]);
});

test('near() handles overlapping occurrences and several anchors', () => {
  assert.equal(near([[0, 2], [1, 3]], 0), true);
  assert.equal(near([[0, 2, 20, 22], [30, 32]], 8), true);
  assert.equal(near([[0, 2, 20, 22], [31, 33]], 8), false);
});

test('triggerTerms: the smallest set one of whose terms must occur', () => {
  const t = (e: string): string[] => triggerTerms(parseTopic(e)).sort();
  assert.deepEqual(t('(融水|融水县)+(拆迁|强拆|补偿)-招聘'), ['融水', '融水县']);
  assert.deepEqual(t('拆迁-(招聘|广告)'), ['拆迁']);
  assert.deepEqual(t('a|b+c'), ['c']);
  assert.deepEqual(t('融水+拆迁补偿'), ['拆迁补偿']);
  assert.deepEqual(t('"融水 拆迁款"~5|政府'), ['拆迁款', '政府']);
});

test('proximity stays correct and quick on long texts with many occurrences', () => {
  const filler = '的'.repeat(50);
  const text = `${`融水${filler}`.repeat(2000)}拆迁${filler}融水`;
  assert.equal(matches('"融水 拆迁"~50', text), true);
  assert.equal(matches('"融水 拆迁"~49', text), false);
  assert.equal(matches('"融水 拆迁 补偿"~10', `${text}补偿`), false);
});
