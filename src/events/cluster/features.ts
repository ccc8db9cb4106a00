// Per-item features of the clustering model: the token bag and the few telling tokens used to find
// candidate events through the term index.
import { tokenInfo, type TokenInfo } from './token-info.ts';
import { tokenize, withKeywords, type Bag } from './tokens.ts';
import type { ClusterItem } from './types.ts';

/** Tokens per item used to look up and index candidate events. */
export const LOOKUP_TOKENS = 8;

/** The item's token bag (precomputed one, or from its text plus analysis keywords). */
export function itemBag(item: ClusterItem): Bag {
  return item.bag ?? withKeywords(tokenize(item.text, { normalised: item.normalised ?? false }), item.keywords);
}

/** The item's most telling tokens (rarest first), for the candidate index; `infos` in the bag's order when known. */
export function lookupTokens(bag: Bag, k = LOOKUP_TOKENS, infos?: readonly TokenInfo[]): string[] {
  // The k rarest kept in order while scanning (the same as sorting every token by rarity, then word).
  const best: { w: string; p: number }[] = [];
  if (k <= 0) return [];
  let i = 0;
  for (const w of bag.keys()) {
    const p = (infos?.[i++] ?? tokenInfo(w)).rarity;
    const last = best[best.length - 1];
    if (best.length === k && last && !(p < last.p || (p === last.p && w < last.w))) continue;
    let j = best.length < k ? best.length : k - 1;
    while (j > 0 && (p < best[j - 1]!.p || (p === best[j - 1]!.p && w < best[j - 1]!.w))) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = { w, p };
  }
  return best.map((e) => e.w);
}

/** True when the text is long enough to stand as an event title. */
export function titleWorthy(text: string, bag: Bag): boolean {
  if (bag.size < 2) return false;
  // At least 8 characters that are not white space (counted only as far as needed).
  let n = 0;
  for (let i = 0; i < text.length && n < 8; i++) if (!/\s/.test(text[i]!)) n++;
  return n >= 8;
}
