// Turns an item's text into the bag of content tokens the clustering model compares: jieba words without
// function words, plus @mentions and #hashtags# kept whole (a thread's own vocabulary: the people it
// answers and the tags it spreads under). Boilerplate such as "转发微博", links and [emoji] codes are dropped.
import { segment } from '../../text/segment.ts';
import { normalise } from '../../text/normalise.ts';
import { getLexicon } from './lexicon.ts';

export type Bag = Map<string, number>;

/** One token counts at most this often per item, so a repeated word cannot shout down the rest. */
const MAX_REPEAT = 3;

const URL_RE = /https?:\/\/[\x21-\x7e]+/g;
const MENTION_RE = /@([\p{Script=Han}A-Za-z0-9_\-·]{1,30})/gu;
const HASHTAG_RE = /#([^#\n]{1,40})#/g;
const EMOJI_RE = /\[[^[\]\s]{1,8}\]/g;
const BOILERPLATE_RE = /(转发微博|轉發微博|分享图片|分享视频|repost|回复|回覆|\/\/)/gi;
const HAN_RE = /^\p{Script=Han}+$/u;
const LATIN_RE = /^[a-z0-9][a-z0-9_.+-]*$/;

function bump(bag: Bag, token: string, by = 1): void {
  bag.set(token, Math.min(MAX_REPEAT, (bag.get(token) ?? 0) + by));
}

/** True for a segmented word worth comparing: Han words of 2+ characters that are not function words, Latin words with a letter. */
function keepWord(w: string): boolean {
  if (w.length < 2) return false;
  if (HAN_RE.test(w)) return !getLexicon().isFunctionWord(w);
  return LATIN_RE.test(w) && /[a-z]/.test(w) && w.length <= 30;
}

/** Content tokens of a text; pass `normalised` when the text already went through text/normalise.ts. */
export function tokenize(text: string, opts: { normalised?: boolean } = {}): Bag {
  const bag: Bag = new Map();
  if (!text) return bag;
  let s = opts.normalised ? text : normalise(text);
  s = s.replace(URL_RE, ' ');
  s = s.replace(MENTION_RE, (_m, name: string) => {
    bump(bag, `@${name}`);
    return ' ';
  });
  s = s.replace(HASHTAG_RE, (_m, tag: string) => {
    const t = tag.trim();
    if (t) bump(bag, `#${t}`);
    return ` ${t} `;
  });
  s = s.replace(EMOJI_RE, ' ').replace(BOILERPLATE_RE, ' ');
  if (!/[\p{Script=Han}a-z]/u.test(s)) return bag;
  for (const w of segment(s)) {
    const t = w.trim();
    if (keepWord(t)) bump(bag, t);
  }
  return bag;
}

/** Add keywords computed elsewhere (the analysis stage) that the text's own segmentation missed. */
export function withKeywords(bag: Bag, keywords: readonly string[] | undefined): Bag {
  if (!keywords) return bag;
  for (const k of keywords) {
    const t = k.trim().toLowerCase();
    if (t.length >= 2 && !bag.has(t)) bag.set(t, 1);
  }
  return bag;
}

/** Number of tokens in a bag, repeats included. */
export function bagSize(bag: Bag): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}
