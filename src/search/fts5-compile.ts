// Compiles a parsed query into an FTS5 MATCH expression over the bigram index (SQLite only).
// Every term becomes a phrase of its bigram tokens: consecutive positions = an exact substring.
import { termTokens, termVariants } from './bigrams.ts';
import type { QueryNode, TermNode } from './query-ast.ts';

/** FTS5 phrase for one spelling; tokens hold only letters, digits and CJK, so quoting is always safe. */
function phrase(norm: string): string {
  const { tokens, prefixLast } = termTokens(norm);
  return `"${tokens.join(' ')}"${prefixLast ? ' *' : ''}`;
}

/** A term: its phrase, or the OR of its spellings. */
function termExpr(t: TermNode): string {
  const v = termVariants(t.norm).map(phrase);
  return v.length === 1 ? v[0]! : `(${v.join(' OR ')})`;
}

/** The MATCH expression; the parser has already ensured NOT appears only beside a positive part. */
export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return termExpr(node);
    case 'not':
      // Reached only for a NOT nested in a NOT, which the parser rejects; keep FTS5 from seeing it.
      throw new Error('NOT outside an AND reached the FTS5 compiler');
    case 'or':
      return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'and': {
      const pos = node.children.filter((c) => c.kind !== 'not').map(toFts5);
      let expr = pos.length === 1 ? pos[0]! : `(${pos.join(' AND ')})`;
      for (const c of node.children) {
        if (c.kind === 'not') expr = `(${expr} NOT ${toFts5(c.child)})`;
      }
      return expr;
    }
  }
}
