// Everything the clustering model derives from a token alone — kept as a word or not, its background
// probability, information weight, rarity for the term index, hash — looked up once per token in one
// table instead of in the 100,000-word lexicon again for each use: tokens repeat across items, and a
// lookup in a table that large is a cache miss.
import { fnvString, mix32 } from '../../util/hash.ts';
import { getLexicon } from './lexicon.ts';

export interface TokenInfo {
  /** True for a segmented word worth comparing (tokens.ts). */
  keep: boolean;
  /** Dictionary background probability (background.ts). */
  dictP: number;
  /** Information weight: rarer words say more about what a text is about (state.ts). */
  idf: number;
  /** Ordering weight of the term-index lookup, rarest first (features.ts). */
  rarity: number;
  /** tokenHash of the token. */
  hash: number;
  /**
   * A per-store record of the token (its stream count, store/background.ts) and the table it belongs to,
   * kept here so the hot path needs no second lookup; valid only while `linkOwner` is that table.
   */
  linkOwner: object | null;
  linkValue: unknown;
}

/** Probability floor of @mentions and #tags, which the dictionary does not know. */
export const SPECIAL_P = 1e-6;
/** idf of @mentions and #tags. */
const SPECIAL_IDF = 6;
/** Lookup weight of @mentions and #tags: they name a thread, so they come first. */
const SPECIAL_RARITY = 1e-7;

/** 32-bit hash of a token (FNV-1a over UTF-16 code units, then a murmur3 finaliser to spread the bits). */
export function tokenHash(w: string): number {
  return mix32(fnvString(w));
}

const HAN_RE = /^\p{Script=Han}+$/u;
const LATIN_RE = /^[a-z0-9][a-z0-9_.+-]*$/;

/** Han words that are not function words, Latin words with a letter (single characters never reach here). */
function keepWord(w: string): boolean {
  if (HAN_RE.test(w)) return !getLexicon().isFunctionWord(w);
  return LATIN_RE.test(w) && /[a-z]/.test(w) && w.length <= 30;
}

const table = new Map<string, TokenInfo>();
/** Bound of the table (a long-running process sees an open-ended vocabulary of names and typos). */
const MAX_TOKENS = 500_000;

/** The token's information, computed once. */
export function tokenInfo(w: string): TokenInfo {
  let info = table.get(w);
  if (info) return info;
  if (table.size >= MAX_TOKENS) table.clear();
  const c = w.charCodeAt(0);
  if (c === 64 /* @ */ || c === 35 /* # */) {
    info = { keep: false, dictP: SPECIAL_P, idf: SPECIAL_IDF, rarity: SPECIAL_RARITY, hash: tokenHash(w), linkOwner: null, linkValue: null };
  } else {
    const p = getLexicon().pBg(w);
    info = { keep: w.length >= 2 && keepWord(w), dictP: p, idf: -Math.log10(p), rarity: p, hash: tokenHash(w), linkOwner: null, linkValue: null };
  }
  table.set(w, info);
  return info;
}

/** The information of a bag's tokens, in the bag's order. */
export function bagInfos(bag: ReadonlyMap<string, number>): TokenInfo[] {
  const out: TokenInfo[] = [];
  for (const w of bag.keys()) out.push(tokenInfo(w));
  return out;
}
