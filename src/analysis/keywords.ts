// Per-item keywords: TF-IDF over jieba words with jieba's IDF table and a shipped stop-word list.
// Computed in JS over `cut()` rather than jieba's native extractKeywords: it is ~5x faster here,
// and the filtering (stop words, numbers, dates, junk) needs our own rules anyway.
import fs from 'node:fs';
import { idf as idfBuffer } from '@node-rs/jieba/dict.js';
import { getJieba } from '../text/segment.ts';
import { isHan } from '../text/normalise.ts';

const STOPWORDS_FILE = new URL('./data/stopwords-zh.txt', import.meta.url);
/** Longest text looked at: keywords of a long article are settled in its first pages. */
const MAX_CHARS = 20_000;
/** Title words count this many times, as a headline names what the item is about. */
const TITLE_WEIGHT = 3;

// Platform boilerplate and generic words that say nothing about an item.
const JUNK = new Set([
  '转发', '转发微博', '微博', '网页链接', '全文', '展开', '收起', '原文', '链接', '视频', '图片', '评论', '回复', '分享',
  '点击', '查看', '记者', '编辑', '来源', '责任编辑', '本报讯', '日电', '报道', '消息', '网友', '今天', '昨天', '今日',
  '昨日', '目前', '近日', '日前', '时间', '小时', '分钟', '上午', '下午', '晚上', '凌晨', '左右', '发现', '表示', '进行',
  '没有', '已经', '一个', '我们', '你们', '他们', '大家', '现在', '这个', '那个', '什么', '自己', '知道', '觉得', '可以',
  'http', 'https', 'www', 'com', 'cn', 'html', 'amp', 'nbsp',
]);
const NUMERIC = /^[\d.,:%/+\-·]+$/;
const NUMBER_UNIT = /^[\d.]+[年月日号时点分秒岁万亿元人名个次天米吨%]$/;
const CHINESE_NUMBER = /^[第]?[零一二三四五六七八九十百千万两几]+[年月日号时点分秒岁个次名位天只条张辆家座栋间份起件户批项层楼]?$/;

let idf: Map<string, number> | null = null;
let medianIdf = 10;
let stopwords: Set<string> | null = null;

function tables(): { idf: Map<string, number>; stop: Set<string> } {
  if (!idf || !stopwords) {
    idf = new Map();
    const values: number[] = [];
    for (const line of new TextDecoder().decode(idfBuffer).split('\n')) {
      const sp = line.indexOf(' ');
      if (sp <= 0) continue;
      const v = Number(line.slice(sp + 1));
      if (!Number.isFinite(v)) continue;
      idf.set(line.slice(0, sp), v);
      values.push(v);
    }
    values.sort((a, b) => a - b);
    medianIdf = values[Math.floor(values.length / 2)] ?? medianIdf;
    stopwords = new Set(fs.readFileSync(STOPWORDS_FILE, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean));
  }
  return { idf, stop: stopwords };
}

/** True when a word can be a keyword: not a stop word, number, date, single character or punctuation. */
export function isKeywordCandidate(word: string, stop: Set<string> = tables().stop): boolean {
  const w = word.trim();
  if (w.length < 2 || stop.has(w) || JUNK.has(w.toLowerCase())) return false;
  if (NUMERIC.test(w) || NUMBER_UNIT.test(w) || CHINESE_NUMBER.test(w)) return false;
  let han = 0;
  let letters = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isHan(c)) han++;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) letters++;
  }
  if (han === 0) return letters >= 2 && letters === w.replace(/[\d.]/g, '').length; // Latin words such as PM2.5, LOGO
  return han >= 2 || w.length >= 3;
}

// Words repeat across items, so what scoring needs per word (can it be a keyword, and its IDF) is
// remembered (bounded: cleared when full, between items): NOT_CANDIDATE, NO_IDF (a candidate jieba has no IDF for),
// or the IDF itself. The same record holds the word's count in the item being scored (valid while
// `item` is that item's stamp), so each word costs one Map lookup and an item allocates no count map.
const NOT_CANDIDATE = -1;
const NO_IDF = -2;
interface WordInfo {
  word: string;
  v: number;
  /** Stamp of the item `tf` belongs to. */
  item: number;
  tf: number;
}
const verdicts = new Map<string, WordInfo>();
const MAX_VERDICTS = 200_000;
let itemStamp = 0;

function verdict(w: string, idfs: Map<string, number>, stop: Set<string>): WordInfo {
  let info = verdicts.get(w);
  if (info === undefined) {
    info = { word: w, v: !isKeywordCandidate(w, stop) ? NOT_CANDIDATE : (idfs.get(w) ?? NO_IDF), item: 0, tf: 0 };
    verdicts.set(w, info);
  }
  return info;
}

/** jieba words of `text` (at most MAX_CHARS); they concatenate back to the text, so offsets can be derived. */
export function cutWords(text: string): string[] {
  return getJieba().cut(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text, true);
}

/** Keyword order: higher score first, then the word (a strict total order: words are distinct). */
const before = (a: [string, number], b: [string, number]): boolean => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/**
 * Top `k` keywords by TF-IDF from the words of `title + '\n' + content` (as cutWords returns them);
 * words within the first `titleLength` characters count TITLE_WEIGHT times.
 */
export function keywordsFromWords(words: readonly string[], titleLength: number, k = 8): string[] {
  if (k <= 0) return [];
  const { idf: idfs, stop } = tables();
  // Cleared between items only: clearing mid-item would split a word's count over two records.
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  const stamp = ++itemStamp;
  const seen: WordInfo[] = []; // candidates in order of first occurrence
  let pos = 0;
  for (const w of words) {
    const weight = pos < titleLength ? TITLE_WEIGHT : 1;
    pos += w.length;
    if (w.length < 2) continue; // never a candidate (isKeywordCandidate wants two characters)
    const info = verdict(w, idfs, stop);
    if (info.v === NOT_CANDIDATE) continue;
    if (info.item === stamp) {
      info.tf += weight;
      continue;
    }
    info.item = stamp;
    info.tf = weight;
    seen.push(info);
  }
  // The best k, kept in order by insertion (k is small; the same as sorting all and taking k).
  const top: [string, number][] = [];
  for (const { word, tf, v } of seen) {
    // A word jieba guessed (not in its dictionary) counts only when repeated or in the title: one-off
    // guesses are mostly mis-segmentations (大嘎, 说疑), real new names recur.
    if (v === NO_IDF && tf < 2) continue;
    const e: [string, number] = [word, tf * (v === NO_IDF ? medianIdf : v)];
    if (top.length === k && !before(e, top[k - 1]!)) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && before(e, top[at - 1]!)) at--;
    if (top.length === k) top.pop();
    top.splice(at, 0, e);
  }
  return top.map(([w]) => w);
}

/** Top `k` keywords of an item by TF-IDF, title words weighted up; best first. */
export function extractKeywords(title: string, content: string, k = 8): string[] {
  const text = title ? `${title}\n${content}` : content;
  return keywordsFromWords(cutWords(text), title ? title.length : 0, k);
}
