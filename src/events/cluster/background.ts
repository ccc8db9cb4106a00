// Everyday language the clustering model compares an event's vocabulary against. The dictionary alone
// describes edited text; a stream of comments has its own chatter (喜欢, 哈哈, 支持), and a big comment
// thread would otherwise "own" that chatter and attract every unrelated post. So the background mixes
// the dictionary with the counts of the stream seen so far.
import { getLexicon } from './lexicon.ts';

export interface Background {
  /** Background probability of a token. */
  pBg(token: string): number;
}

/** Prior mass (tokens, about 500 items) of the dictionary against the stream's counts: past it the stream speaks for itself. */
export const DICTIONARY_MASS = 5000;

/** Probability floor of @mentions and #tags, which the dictionary does not know. */
const SPECIAL_P = 1e-6;

/** Dictionary probability of a token (mentions and tags rare by nature). */
export function dictionaryP(token: string): number {
  const c = token.charCodeAt(0);
  if (c === 64 /* @ */ || c === 35 /* # */) return SPECIAL_P;
  return getLexicon().pBg(token);
}

/** p_bg from stream counts smoothed towards the dictionary. */
export function streamP(token: string, count: number, total: number): number {
  return (count + DICTIONARY_MASS * dictionaryP(token)) / (total + DICTIONARY_MASS);
}

/** The dictionary-only background. */
export const dictionaryBackground: Background = { pBg: dictionaryP };

/** A background that learns from the tokens added to it (the in-memory clusterer's). */
export class StreamBackground implements Background {
  private counts = new Map<string, number>();
  private total = 0;

  /** Count an item's tokens. */
  add(bag: Map<string, number>): void {
    for (const [w, c] of bag) {
      this.counts.set(w, (this.counts.get(w) ?? 0) + c);
      this.total += c;
    }
  }

  pBg(token: string): number {
    return streamP(token, this.counts.get(token) ?? 0, this.total);
  }
}
