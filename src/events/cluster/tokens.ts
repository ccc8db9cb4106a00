// Turns an item's text into the bag of content tokens the clustering model compares: jieba words without
// function words, plus @mentions and #hashtags# kept whole (a thread's own vocabulary: the people it
// answers and the tags it spreads under). Boilerplate such as "转发微博", links and [emoji] codes are dropped.
import { segment } from '../../text/segment.ts';
import { normalise } from '../../text/normalise.ts';
import { tokenInfo, type TokenInfo } from './token-info.ts';

export type Bag = Map<string, number>;

/** One token counts at most this often per item, so a repeated word cannot shout down the rest. */
const MAX_REPEAT = 3;

const URL_RE = /https?:\/\/[\x21-\x7e]+/g;
const MENTION_RE = /@([\p{Script=Han}A-Za-z0-9_\-·]{1,30})/gu;
const HASHTAG_RE = /#([^#\n]{1,40})#/g;
const EMOJI_RE = /\[[^[\]\s]{1,8}\]/g;
const BOILERPLATE_RE = /(转发微博|轉發微博|分享图片|分享视频|repost|回复|回覆|\/\/)/gi;

/** Count a token; a new one's information goes to `infos` (kept in the bag's order). */
function bump(bag: Bag, token: string, infos: TokenInfo[] | undefined, info?: TokenInfo): void {
  const n = bag.get(token);
  if (n === undefined) {
    bag.set(token, 1);
    infos?.push(info ?? tokenInfo(token));
  } else if (n < MAX_REPEAT) {
    bag.set(token, n + 1);
  }
}

/**
 * Content tokens of a text; pass `normalised` when the text already went through text/normalise.ts.
 * `infos`, when given, receives the TokenInfo of each token in the bag's order.
 */
export function tokenize(text: string, opts: { normalised?: boolean } = {}, infos?: TokenInfo[]): Bag {
  const bag: Bag = new Map();
  if (!text) return bag;
  let s = opts.normalised ? text : normalise(text);
  // Each pattern needs a character most texts lack: a search for it is cheaper than a regex pass.
  if (s.includes('http')) s = s.replace(URL_RE, ' ');
  if (s.includes('@')) {
    s = s.replace(MENTION_RE, (_m, name: string) => {
      bump(bag, `@${name}`, infos);
      return ' ';
    });
  }
  if (s.includes('#')) {
    s = s.replace(HASHTAG_RE, (_m, tag: string) => {
      const t = tag.trim();
      if (t) bump(bag, `#${t}`, infos);
      return ` ${t} `;
    });
  }
  if (s.includes('[')) s = s.replace(EMOJI_RE, ' ');
  s = s.replace(BOILERPLATE_RE, ' ');
  if (!/[\p{Script=Han}a-z]/u.test(s)) return bag;
  for (const w of segment(s)) {
    // jieba returns spaces and punctuation as words of their own: skip single characters before trimming.
    if (w.length < 2) continue;
    const t = w.trim();
    if (t.length < 2) continue;
    // A word already counted was kept (a #tag token is the one bag key a word can equal without being kept).
    const n = bag.get(t);
    if (n !== undefined && t.charCodeAt(0) !== 35 /* # */) {
      if (n < MAX_REPEAT) bag.set(t, n + 1);
      continue;
    }
    // Han words of 2+ characters that are not function words, Latin words with a letter (token-info.ts).
    const info = tokenInfo(t);
    if (info.keep) bump(bag, t, infos, info);
  }
  return bag;
}

/** Add keywords computed elsewhere (the analysis stage) that the text's own segmentation missed. */
export function withKeywords(bag: Bag, keywords: readonly string[] | undefined, infos?: TokenInfo[]): Bag {
  if (!keywords) return bag;
  for (const k of keywords) {
    const t = k.trim().toLowerCase();
    if (t.length >= 2 && !bag.has(t)) {
      bag.set(t, 1);
      infos?.push(tokenInfo(t));
    }
  }
  return bag;
}

/** Number of tokens in a bag, repeats included. */
export function bagSize(bag: Bag): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}
