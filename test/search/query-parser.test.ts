import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../src/search/query-parser.ts';
import { toFts5 } from '../../src/search/fts5-compile.ts';
import type { QueryNode } from '../../src/search/query-ast.ts';
import { YqError } from '../../src/errors.ts';

/** A compact rendering of the tree: terms by their normalised text, phrases quoted. */
function show(n: QueryNode): string {
  switch (n.kind) {
    case 'term':
      return n.phrase ? `"${n.norm}"` : n.norm;
    case 'not':
      return `NOT(${show(n.child)})`;
    case 'and':
      return `AND(${n.children.map(show).join(', ')})`;
    case 'or':
      return `OR(${n.children.map(show).join(', ')})`;
  }
}

const parsed: [name: string, query: string, tree: string][] = [
  ['one word', '拆迁', '拆迁'],
  ['space is AND', '融水 拆迁', 'AND(融水, 拆迁)'],
  ['AND keyword', '融水 AND 拆迁', 'AND(融水, 拆迁)'],
  ['pipe is OR', '拆迁|强拆', 'OR(拆迁, 强拆)'],
  ['OR keyword', '拆迁 OR 强拆', 'OR(拆迁, 强拆)'],
  ['AND binds tighter than OR', '融水 拆迁 | 三江 补偿', 'OR(AND(融水, 拆迁), AND(三江, 补偿))'],
  ['parentheses', '(融水|三江) 拆迁', 'AND(OR(融水, 三江), 拆迁)'],
  ['full-width parentheses and bar', '（融水｜三江）拆迁', 'AND(OR(融水, 三江), 拆迁)'],
  ['minus is NOT', '拆迁 -招聘', 'AND(拆迁, NOT(招聘))'],
  ['NOT keyword', '拆迁 NOT 招聘', 'AND(拆迁, NOT(招聘))'],
  ['NOT of a group', '拆迁 -(招聘|广告)', 'AND(拆迁, NOT(OR(招聘, 广告)))'],
  ['NOT first, term later', '-招聘 拆迁', 'AND(NOT(招聘), 拆迁)'],
  ['quoted phrase', '"城管 执法"', '"城管 执法"'],
  ['curly quotes', '“城管执法” 融水', 'AND("城管执法", 融水)'],
  ['hyphen inside a word stays', 'covid-19', 'covid-19'],
  ['traditional folded', '拆遷', '拆迁'],
  ['full-width latin folded', 'ＡＢＣ', 'abc'],
  ['lower-case and/or are words', 'and or', 'AND(and, or)'],
  ['nested groups flatten', '((a b) c)', 'AND(a, b, c)'],
];

for (const [name, q, tree] of parsed) {
  test(`parse: ${name}`, () => {
    const n = parseQuery(q);
    assert.ok(n);
    assert.equal(show(n), tree);
  });
}

test('parse: an empty or blank query is null (filters only)', () => {
  assert.equal(parseQuery(''), null);
  assert.equal(parseQuery('   '), null);
});

const errors: [name: string, query: string, position: number, expected: RegExp][] = [
  ['unclosed parenthesis', '(融水 拆迁', 7, /'\)' to close the '\(' at position 1/],
  ['stray closing parenthesis', '融水 拆迁)', 6, /no matching '\('/],
  ['empty parentheses', '融水 ()', 5, /a word, a "phrase" or '\('/],
  ['OR at the start', 'OR 拆迁', 1, /a word/],
  ['OR at the end', '拆迁 |', 5, /a word/],
  ['double operator', '拆迁 OR OR 强拆', 7, /a word/],
  ['AND at the end', '拆迁 AND', 7, /a word/],
  ['unterminated phrase', '拆迁 "城管', 7, /closing quote for the phrase opened at position 4/],
  ['lone minus', '拆迁 - 招聘', 5, /a term after '-'/],
  ['only NOT', '-招聘', 1, /a term to search for/],
  ['only NOT terms', '-招聘 -广告', 1, /beside the NOT terms/],
  ['NOT as an OR alternative', '拆迁 | -招聘', 6, /a term to search for/],
  ['double negation', '拆迁 -(-招聘)', 6, /a term to search for/],
  ['nothing searchable', '拆迁 ，，', 4, /letters, digits or CJK/],
  ['empty phrase', '拆迁 ""', 4, /letters, digits or CJK/],
];

for (const [name, q, position, expected] of errors) {
  test(`parse error: ${name}`, () => {
    assert.throws(
      () => parseQuery(q),
      (e: unknown) => {
        assert.ok(e instanceof YqError);
        assert.equal(e.code, 'YQ_ERR_QUERY_SYNTAX');
        const d = e.details as { position: number; expected: string };
        assert.equal(d.position, position, e.message);
        assert.match(d.expected, expected);
        assert.match(e.message, new RegExp(`position ${position}`));
        return true;
      },
    );
  });
}

const compiled: [name: string, query: string, fts5: string][] = [
  ['two-character word is one bigram', '拆迁', '"拆迁"'],
  ['longer word is a phrase of overlapping bigrams', '城管局', '"城管 管局"'],
  ['one character is a prefix', '局', '"局" *'],
  ['latin word whole', 'iPhone', '"iphone"'],
  ['mixed word keeps adjacency', '5G网络', '"5g 网络"'],
  ['run boundary inside a phrase keeps the run end', '"城管，局长"', '"城管 管 局长"'],
  ['space between CJK also matches them joined', '"警方 通报"', '("警方 方 通报" OR "警方 方通 通报")'],
  ['NOT beside AND', '拆迁 补偿 -招聘', '(("拆迁" AND "补偿") NOT "招聘")'],
  ['OR of ANDs', '融水 拆迁 | 三江', '(("融水" AND "拆迁") OR "三江")'],
];

for (const [name, q, fts5] of compiled) {
  test(`fts5: ${name}`, () => {
    assert.equal(toFts5(parseQuery(q)!), fts5);
  });
}
