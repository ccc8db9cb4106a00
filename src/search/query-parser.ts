// Recursive-descent parser for the search query language:
//   query   := or
//   or      := and (('|' | 'OR') and)*
//   and     := unary (['AND'] unary)*          (a space is AND)
//   unary   := ('-' | 'NOT') unary | primary
//   primary := WORD | "PHRASE" | '(' or ')'
// Errors are YQ_ERR_QUERY_SYNTAX with the 1-based position and what was expected there.
import { normalise } from '../text/normalise.ts';
import { termTokens } from './bigrams.ts';
import { lex, syntaxError, type LexToken } from './query-lexer.ts';
import type { QueryNode, TermNode } from './query-ast.ts';

const TERM_START = new Set(['word', 'phrase', 'lparen', 'not']);

function describe(t: LexToken): string {
  if (t.kind === 'eof') return 'end of query';
  if (t.kind === 'phrase') return `"${t.text}"`;
  return `'${t.text}'`;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: LexToken[]) {}

  private peek(): LexToken {
    return this.toks[this.i]!;
  }

  private next(): LexToken {
    return this.toks[this.i++]!;
  }

  parseOr(): QueryNode {
    const first = this.parseAnd();
    const children = [first];
    while (this.peek().kind === 'or') {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? first : { kind: 'or', children, pos: first.pos };
  }

  private parseAnd(): QueryNode {
    const first = this.parseUnary();
    const children: QueryNode[] = [];
    const add = (n: QueryNode) => (n.kind === 'and' ? children.push(...n.children) : children.push(n));
    add(first);
    for (;;) {
      const t = this.peek();
      if (t.kind === 'and') this.next();
      else if (!TERM_START.has(t.kind)) break;
      add(this.parseUnary());
    }
    return children.length === 1 ? first : { kind: 'and', children, pos: first.pos };
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t.kind !== 'not') return this.parsePrimary();
    this.next();
    return { kind: 'not', child: this.parseUnary(), pos: t.pos };
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    if (t.kind === 'word' || t.kind === 'phrase') return term(t);
    if (t.kind === 'lparen') {
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'rparen') syntaxError(close.pos, `')' to close the '(' at position ${t.pos + 1}`, describe(close));
      return inner;
    }
    return syntaxError(t.pos, 'a word, a "phrase" or \'(\'', describe(t));
  }

  atEnd(): LexToken {
    return this.peek();
  }
}

function term(t: LexToken): TermNode {
  const norm = normalise(t.text);
  if (termTokens(norm).tokens.length === 0) {
    syntaxError(t.pos, 'a term with letters, digits or CJK characters', describe(t));
  }
  return { kind: 'term', text: t.text, norm, phrase: t.kind === 'phrase', pos: t.pos };
}

/**
 * Check every part can be evaluated: NOT only beside a positive term (a AND NOT b), never as an
 * alternative of OR nor as the whole query, because "everything except b" is not a search.
 */
function checkPositive(node: QueryNode, mustMatch: boolean): void {
  if (node.kind === 'term') return;
  if (node.kind === 'not') {
    if (mustMatch) syntaxError(node.pos, 'a term to search for (NOT only excludes from other matches)', `'NOT'`);
    checkPositive(node.child, true);
    return;
  }
  if (node.kind === 'or') {
    for (const c of node.children) checkPositive(c, true);
    return;
  }
  const positives = node.children.filter((c) => c.kind !== 'not');
  if (positives.length === 0 && mustMatch) {
    syntaxError(node.pos, 'a term to search for beside the NOT terms', `only NOT terms`);
  }
  for (const c of node.children) checkPositive(c, c.kind !== 'not');
}

/** Parse a query; null for an empty query (match everything the filters allow). */
export function parseQuery(q: string): QueryNode | null {
  const toks = lex(q);
  if (toks[0]!.kind === 'eof') return null;
  const p = new Parser(toks);
  const node = p.parseOr();
  const rest = p.atEnd();
  if (rest.kind !== 'eof') {
    const what = rest.kind === 'rparen' ? "an operator or a term (this ')' has no matching '(')" : 'an operator or a term';
    syntaxError(rest.pos, what, describe(rest));
  }
  checkPositive(node, true);
  return node;
}
