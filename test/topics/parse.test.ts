import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTopic } from '../../src/topics/parse.ts';
import { formatTopic } from '../../src/topics/ast.ts';
import { isYqError } from '../../src/errors.ts';

const valid: { name: string; expr: string; tree: string }[] = [
  { name: 'single term', expr: '拆迁', tree: '拆迁' },
  { name: 'the issue example', expr: '(融水|融水县)+(拆迁|强拆|补偿)-招聘', tree: '(((融水|融水县)+(拆迁|强拆|补偿))-招聘)' },
  { name: "'|' binds tighter than '+' and '-'", expr: 'A+B|C-D|E', tree: '((a+(b|c))-(d|e))' },
  { name: "'+' chains flatten", expr: 'a+b+c', tree: '(a+b+c)' },
  { name: "'-' chains left to right", expr: 'a-b-c', tree: '((a-b)-c)' },
  { name: 'whitespace around operators is ignored', expr: '  ( 融水 | 融水县 )  +  拆迁  ', tree: '((融水|融水县)+拆迁)' },
  { name: 'full-width operators from Chinese IMEs', expr: '（融水｜融水县）＋拆迁－招聘', tree: '(((融水|融水县)+拆迁)-招聘)' },
  { name: 'Chinese curly quotes', expr: '“融水 县”+拆迁', tree: '("融水 县"+拆迁)' },
  { name: 'quoted phrase keeps operators literally', expr: '"a+b|c"', tree: '"a+b|c"' },
  { name: 'proximity', expr: '"融水 拆迁"~20', tree: '"融水 拆迁"~20' },
  { name: 'proximity with spaces and full-width tilde', expr: '"融水  拆迁 补偿" ～ 5+政府', tree: '("融水 拆迁 补偿"~5+政府)' },
  { name: 'proximity of zero', expr: '"融水 拆迁"~0', tree: '"融水 拆迁"~0' },
  { name: 'terms are normalised (Traditional, full-width, case)', expr: '融水縣+ＺＦ+Gov', tree: '(融水县+zf+gov)' },
  { name: 'nested parentheses', expr: '((a|(b+c))-d)', tree: '((a|(b+c))-d)' },
  { name: 'exclusion of a group', expr: '拆迁-(招聘|广告)', tree: '(拆迁-(招聘|广告))' },
];

for (const c of valid) {
  test(`parse: ${c.name}`, () => {
    assert.equal(formatTopic(parseTopic(c.expr)), c.tree);
  });
}

const invalid: { name: string; expr: string; position: number; message: RegExp }[] = [
  { name: 'empty expression', expr: '', position: 1, message: /empty/ },
  { name: 'blank expression', expr: '   ', position: 1, message: /empty/ },
  { name: 'unclosed parenthesis', expr: '(融水|融水县+拆迁', position: 11, message: /expected '\)' to close '\(' at position 1/ },
  { name: 'unclosed inner parenthesis', expr: '(a|(b+c)', position: 9, message: /expected '\)' to close '\(' at position 1/ },
  { name: 'unmatched closing parenthesis', expr: '融水)+拆迁', position: 3, message: /no matching '\('/ },
  { name: 'empty parentheses', expr: '融水+()', position: 5, message: /parentheses .*empty/ },
  { name: 'empty alternative in the middle', expr: '融水||拆迁', position: 4, message: /alternative is empty/ },
  { name: 'empty alternative at the start', expr: '(|拆迁)', position: 2, message: /alternative is empty/ },
  { name: 'empty alternative at the end', expr: '(拆迁|)', position: 5, message: /expected a term.* before '\)'/ },
  { name: 'dangling or', expr: '融水|', position: 4, message: /after '\|'/ },
  { name: 'dangling and', expr: '融水+', position: 4, message: /after '\+'/ },
  { name: 'dangling not', expr: '融水 - ', position: 6, message: /after '-'/ },
  { name: 'leading not', expr: '-招聘', position: 1, message: /cannot start with '-'/ },
  { name: 'leading and', expr: '+拆迁', position: 1, message: /before '\+'/ },
  { name: 'double operator', expr: '融水+-拆迁', position: 4, message: /after '\+'/ },
  { name: 'not inside a group start', expr: '融水+(-拆迁)', position: 5, message: /after '\('/ },
  { name: 'two words without operator', expr: '融水 拆迁', position: 4, message: /expected an operator.*put them in quotes/ },
  { name: 'word after group without operator', expr: '(融水)拆迁', position: 5, message: /expected an operator/ },
  { name: 'empty quotes', expr: '融水+""', position: 4, message: /quotes are empty/ },
  { name: 'blank quotes', expr: '融水+“  ”', position: 4, message: /quotes are empty/ },
  { name: 'unterminated quote', expr: '融水+"拆迁', position: 7, message: /closing quote for the quote at position 4/ },
  { name: 'proximity without number', expr: '"融水 拆迁"~', position: 9, message: /whole number/ },
  { name: 'proximity with a word', expr: '"融水 拆迁"~abc', position: 9, message: /whole number/ },
  { name: 'proximity negative', expr: '"融水 拆迁"~-3', position: 9, message: /whole number/ },
  { name: 'proximity fraction', expr: '"融水 拆迁"~2.5', position: 9, message: /whole number/ },
  { name: 'proximity too large', expr: '"融水 拆迁"~5000', position: 9, message: /got 5000/ },
  { name: 'proximity of one word', expr: '"融水"~5', position: 1, message: /at least two different words/ },
  { name: 'proximity of one word twice', expr: '"融水 融水"~5', position: 1, message: /at least two different words/ },
  { name: 'tilde after a bare word', expr: '融水~5', position: 3, message: /'~' must follow a quoted phrase/ },
  { name: 'tilde at the start', expr: '~5', position: 1, message: /'~' must follow a quoted phrase/ },
  { name: 'full-width unclosed parenthesis', expr: '（融水｜拆迁', position: 7, message: /close '\(' at position 1/ },
  { name: 'nesting too deep', expr: `${'('.repeat(60)}a${')'.repeat(60)}`, position: 51, message: /nested/ },
];

for (const c of invalid) {
  test(`parse error: ${c.name}`, () => {
    assert.throws(
      () => parseTopic(c.expr),
      (err: unknown) => {
        assert.ok(isYqError(err), 'a YqError');
        assert.equal(err.code, 'YQ_ERR_TOPIC_SYNTAX');
        assert.equal(err.status, 400);
        assert.match(err.message, new RegExp(`position ${c.position}: expected`));
        assert.match(err.message, c.message);
        assert.equal((err.details as { position: number }).position, c.position);
        return true;
      },
    );
  });
}
