// Per-item features of the clustering model: the token bag and the few telling tokens used to find
// candidate events through the term index.
import { getLexicon } from './lexicon.ts';
import { tokenize, withKeywords, type Bag } from './tokens.ts';
import type { ClusterItem } from './types.ts';

/** Tokens per item used to look up and index candidate events. */
export const LOOKUP_TOKENS = 8;

/** The item's token bag (precomputed one, or from its text plus analysis keywords). */
export function itemBag(item: ClusterItem): Bag {
  return item.bag ?? withKeywords(tokenize(item.text, { normalised: item.normalised ?? false }), item.keywords);
}

/** The item's most telling tokens (rarest first), for the candidate index. */
export function lookupTokens(bag: Bag, k = LOOKUP_TOKENS): string[] {
  const lex = getLexicon();
  const weight = (w: string) => (w.startsWith('@') || w.startsWith('#') ? 1e-7 : lex.pBg(w));
  return [...bag.keys()].sort((a, b) => weight(a) - weight(b) || (a < b ? -1 : 1)).slice(0, k);
}

/** True when the text is long enough to stand as an event title. */
export function titleWorthy(text: string, bag: Bag): boolean {
  return bag.size >= 2 && text.replace(/\s+/g, '').length >= 8;
}
