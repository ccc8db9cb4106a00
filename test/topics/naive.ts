// A deliberately simple topic evaluator (indexOf over every term and variant, brute-force proximity),
// the reference the compiled Aho–Corasick matcher is checked against.
import type { TopicNode } from '../../src/topics/ast.ts';
import { normalise } from '../../src/text/normalise.ts';

const latin = (ch: string | undefined): boolean => ch !== undefined && /[a-z]/i.test(ch);

function occurrences(text: string, term: string, variants: Map<string, string[]>): [number, number][] {
  const out: [number, number][] = [];
  const spellings = [{ s: term, boundary: false }, ...(variants.get(term) ?? []).map((v) => ({ s: v, boundary: /^[a-z]|[a-z]$/i.test(v) }))];
  for (const { s, boundary } of spellings) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
      if (boundary && ((latin(s[0]) && latin(text[i - 1])) || (latin(s[s.length - 1]) && latin(text[i + s.length])))) continue;
      out.push([i, i + s.length]);
    }
  }
  return out;
}

function anyCombination(lists: [number, number][][], within: number, chosen: [number, number][] = []): boolean {
  if (chosen.length === lists.length) {
    return Math.max(...chosen.map((c) => c[0])) - Math.min(...chosen.map((c) => c[1])) <= within;
  }
  return lists[chosen.length]!.some((o) => anyCombination(lists, within, [...chosen, o]));
}

/** Does the tree match the (already normalised) text, given variants keyed by normalised term? */
export function naiveMatch(node: TopicNode, text: string, variants: Map<string, string[]>): boolean {
  switch (node.kind) {
    case 'term':
      return occurrences(text, node.text, variants).length > 0;
    case 'near':
      return anyCombination(node.words.map((w) => occurrences(text, w, variants)), node.within);
    case 'or':
      return node.children.some((c) => naiveMatch(c, text, variants));
    case 'and':
      return node.children.every((c) => naiveMatch(c, text, variants));
    case 'not':
      return naiveMatch(node.include, text, variants) && !naiveMatch(node.exclude, text, variants);
  }
}

/** Group variant pairs by normalised term. */
export function variantMap(pairs: { term: string; variant: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of pairs) {
    const t = normalise(p.term);
    m.set(t, [...(m.get(t) ?? []), normalise(p.variant)]);
  }
  return m;
}
