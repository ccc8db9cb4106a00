// Parser for topic expressions (监测方案) in the syntax Chinese monitoring systems use:
//   (融水|融水县)+(拆迁|强拆|补偿)-招聘      "融水 拆迁"~20
// Precedence: '|' binds tighter than '+' and '-', which chain left to right, so `A+B|C-D|E` reads
// A and (B or C) and not (D or E): the grouping people mean when they list alternatives without brackets.
// '-' is binary ("and not"); a leading '-' is refused because a topic must say what it matches, which
// also guarantees that no topic can match an item without at least one positive term occurring in it.
// Whitespace around operators is ignored; two words separated only by spaces are an error (quote them).
// Full-width operators typed with Chinese IMEs (｜＋－（）～＂) fold to ASCII through normalise(), and
// “…” work as quotes. Positions in messages are 1-based characters of the expression as typed.
import { YqError } from '../errors.ts';
import { normalise } from '../text/normalise.ts';
import type { TopicNode } from './ast.ts';

/** Largest accepted proximity window, in characters. */
export const MAX_WITHIN = 1000;
const MAX_DEPTH = 50;
const QUOTES = new Set(['"', '“', '”']);
const OPERATORS = new Set(['|', '+', '-', '(', ')', '~']);

/** Detail attached to a YQ_ERR_TOPIC_SYNTAX error. */
export interface TopicSyntaxDetail {
  position: number;
  expected: string;
}

function fail(position: number, expected: string, extra = ''): never {
  const detail: TopicSyntaxDetail = { position, expected };
  throw new YqError('YQ_ERR_TOPIC_SYNTAX', `position ${position}: expected ${expected}${extra}`, { details: detail });
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

function isWordChar(ch: string): boolean {
  return !isSpace(ch) && !OPERATORS.has(ch) && !QUOTES.has(ch);
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  parse(): TopicNode {
    this.skip();
    if (this.i >= this.s.length) fail(1, 'a term, a quoted phrase or \'(\'', ' (the expression is empty)');
    const node = this.chain();
    this.skip();
    const ch = this.s[this.i];
    if (ch === ')') fail(this.i + 1, 'an operator or the end', ": this ')' has no matching '('");
    if (ch !== undefined) this.unexpectedAfterOperand();
    return node;
  }

  private skip(): void {
    while (this.i < this.s.length && isSpace(this.s[this.i]!)) this.i++;
  }

  private chain(after?: string): TopicNode {
    let left = this.alternatives(after);
    for (;;) {
      this.skip();
      const op = this.s[this.i];
      if (op !== '+' && op !== '-') return left;
      this.i++;
      const right = this.alternatives(op);
      if (op === '+') left = left.kind === 'and' ? { kind: 'and', children: [...left.children, right] } : { kind: 'and', children: [left, right] };
      else left = { kind: 'not', include: left, exclude: right };
    }
  }

  private alternatives(after?: string): TopicNode {
    const first = this.primary(after);
    const children = [first];
    for (;;) {
      this.skip();
      if (this.s[this.i] !== '|') break;
      this.i++;
      children.push(this.primary('|'));
    }
    return children.length === 1 ? first : { kind: 'or', children };
  }

  private primary(after?: string): TopicNode {
    this.skip();
    const at = this.i + 1;
    const ch = this.s[this.i];
    const what = 'a term, a quoted phrase or \'(\'';
    if (ch === undefined) fail(at, what, after ? ` after '${after}'` : '');
    if (ch === '(') return this.group();
    if (QUOTES.has(ch)) return this.quoted();
    if (ch === ')') fail(at, what, after === '(' ? ' inside the parentheses (they are empty)' : ` before ')'`);
    if (ch === '|') fail(at, what, " before '|' (an alternative is empty)");
    if (ch === '+' || ch === '-') {
      const hint = after ? ` after '${after}'` : ` before '${ch}'`;
      fail(at, what, hint + (ch === '-' && !after ? " (a topic cannot start with '-': write A-B for 'A but not B')" : ''));
    }
    if (ch === '~') fail(at, what, " ('~' must follow a quoted phrase, as in \"融水 拆迁\"~20)");
    return this.word();
  }

  private group(): TopicNode {
    const open = this.i + 1;
    if (++this.depth > MAX_DEPTH) fail(open, `at most ${MAX_DEPTH} nested parentheses`);
    this.i++;
    const inner = this.chain('(');
    this.skip();
    const ch = this.s[this.i];
    if (ch !== ')') {
      if (ch === undefined) fail(this.i + 1, `')' to close '(' at position ${open}`);
      this.unexpectedAfterOperand();
    }
    this.i++;
    this.depth--;
    return inner;
  }

  private word(): TopicNode {
    const start = this.i;
    while (this.i < this.s.length && isWordChar(this.s[this.i]!)) this.i++;
    return { kind: 'term', text: this.s.slice(start, this.i), pos: start + 1 };
  }

  private quoted(): TopicNode {
    const open = this.i + 1;
    this.i++;
    const start = this.i;
    while (this.i < this.s.length && !QUOTES.has(this.s[this.i]!)) this.i++;
    if (this.i >= this.s.length) fail(this.i + 1, `a closing quote for the quote at position ${open}`);
    const text = this.s.slice(start, this.i).trim();
    this.i++;
    if (!text) fail(open, 'a word or phrase between the quotes', ' (the quotes are empty)');
    this.skip();
    if (this.s[this.i] !== '~') return { kind: 'term', text, pos: open };
    return this.proximity(text, open);
  }

  private proximity(text: string, open: number): TopicNode {
    this.i++;
    this.skip();
    const numAt = this.i + 1;
    const m = /^\d+/.exec(this.s.slice(this.i));
    const what = `a whole number of characters (0–${MAX_WITHIN}) after '~'`;
    if (!m) fail(numAt, what);
    this.i += m[0].length;
    if (this.s[this.i] === '.') fail(numAt, what);
    const within = Number(m[0]);
    if (within > MAX_WITHIN) fail(numAt, what, `, got ${within}`);
    const words = [...new Set(text.split(/\s+/))];
    if (words.length < 2) fail(open, "at least two different words in the quotes before '~'", ' (separate them with spaces)');
    return { kind: 'near', words, within, pos: open };
  }

  private unexpectedAfterOperand(): never {
    const at = this.i + 1;
    const ch = this.s[this.i]!;
    if (ch === '~') fail(at, "an operator ('|', '+' or '-')", " ('~' must follow a quoted phrase, as in \"融水 拆迁\"~20)");
    const hint = this.s[this.i - 1] !== undefined && isSpace(this.s[this.i - 1]!) ? ' (to match words separated by spaces, put them in quotes)' : '';
    fail(at, "an operator ('|', '+' or '-')", ` before '${ch}'${hint}`);
  }
}

/** Parse a topic expression; throws YqError YQ_ERR_TOPIC_SYNTAX naming the position and what was expected. */
export function parseTopic(expression: string): TopicNode {
  // normalise() keeps the length, so positions in the folded text are positions in what the user typed.
  return new Parser(normalise(expression)).parse();
}
