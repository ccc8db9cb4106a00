// Everyday language the clustering model compares an event's vocabulary against. The dictionary alone
// describes edited text; a stream of comments has its own chatter (喜欢, 哈哈, 支持), and a big comment
// thread would otherwise "own" that chatter and attract every unrelated post. So the background mixes
// the dictionary with the counts of the stream seen so far.
import { tokenInfo, type TokenInfo } from './token-info.ts';

export interface Background {
  /** Background probability of a token (its TokenInfo when the caller has it). */
  pBg(token: string, info?: TokenInfo): number;
}

/** Prior mass (tokens, about 500 items) of the dictionary against the stream's counts: past it the stream speaks for itself. */
export const DICTIONARY_MASS = 5000;

/** p_bg from stream counts smoothed towards the dictionary (token-info.ts: mentions and tags rare by nature). */
export function streamP(token: string, count: number, total: number, info: TokenInfo = tokenInfo(token)): number {
  return (count + DICTIONARY_MASS * info.dictP) / (total + DICTIONARY_MASS);
}

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

  pBg(token: string, info?: TokenInfo): number {
    return streamP(token, this.counts.get(token) ?? 0, this.total, info);
  }
}
