// The parsed form of a search query, shared by the parser, the index back-ends and highlighting.

/** A word or quoted phrase; `norm` is its normalised text, `pos` its offset in the query. */
export interface TermNode {
  kind: 'term';
  text: string;
  norm: string;
  phrase: boolean;
  pos: number;
}

export interface AndNode {
  kind: 'and';
  children: QueryNode[];
  pos: number;
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
  pos: number;
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
  pos: number;
}

export type QueryNode = TermNode | AndNode | OrNode | NotNode;

/** Terms that must or may be present (not under a NOT): what highlighting marks. */
export function positiveTerms(node: QueryNode): TermNode[] {
  switch (node.kind) {
    case 'term':
      return [node];
    case 'not':
      return [];
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTerms);
  }
}
