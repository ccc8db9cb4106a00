// The parsed form of a topic expression (监测方案) and helpers that walk it.

/** One node of a topic expression. Term texts are already normalised (Simplified, half-width, lower case). */
export type TopicNode =
  | { kind: 'term'; text: string; pos: number }
  /** All words within `within` characters of each other, in any order. */
  | { kind: 'near'; words: string[]; within: number; pos: number }
  | { kind: 'or'; children: TopicNode[] }
  | { kind: 'and'; children: TopicNode[] }
  /** `include - exclude`: include matches and exclude does not. */
  | { kind: 'not'; include: TopicNode; exclude: TopicNode };

/**
 * A small set of terms at least one of which must occur for the tree to match: the terms an item must hit
 * before the topic is worth evaluating. For '+' one child's set suffices, so the smallest (then the one with
 * the longest, usually rarer, words) is taken; '|' needs the union; '-' only its left side.
 */
export function triggerTerms(node: TopicNode): string[] {
  switch (node.kind) {
    case 'term':
      return [node.text];
    case 'near':
      return [node.words.reduce((a, b) => (b.length > a.length ? b : a))];
    case 'or':
      return [...new Set(node.children.flatMap(triggerTerms))];
    case 'and': {
      const sets = node.children.map(triggerTerms);
      const shortest = (xs: string[]): number => Math.min(...xs.map((x) => x.length));
      sets.sort((a, b) => a.length - b.length || shortest(b) - shortest(a));
      return sets[0]!;
    }
    case 'not':
      return triggerTerms(node.include);
  }
}

/** Print a tree back in canonical syntax (fully parenthesised groups); used in messages and tests. */
export function formatTopic(node: TopicNode): string {
  switch (node.kind) {
    case 'term':
      return /^[^\s|+\-()"~“”]+$/.test(node.text) ? node.text : `"${node.text}"`;
    case 'near':
      return `"${node.words.join(' ')}"~${node.within}`;
    case 'or':
      return `(${node.children.map(formatTopic).join('|')})`;
    case 'and':
      return `(${node.children.map(formatTopic).join('+')})`;
    case 'not':
      return `(${formatTopic(node.include)}-${formatTopic(node.exclude)})`;
  }
}
