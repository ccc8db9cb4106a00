// Reduces a folded text (PreparedItem.norm: Simplified, half-width, lower case) to what makes it this
// text: repost tags (【转载】), source lines (转自…/来源：…), @mentions, URLs, emoticons, hashtags,
// punctuation and spaces go, so a repost that only added or changed those hashes like the original.

// Tags reposters put in front of or around a text.
const REPOST_TAG = /[【\[(<《「]\s*(?:转载|转帖|转发|转|原创|推荐|分享|扩散|求扩散|转需|重磅|突发|快讯|最新|热门)\s*[】\])>》」]/g;
// A whole (short) line that only says where the text came from or who edited it; a long line is content.
const SOURCE_LINE =
  /^[ \t]*(?:[-—–=*]+\s*)?(?:(?:转自|转载自|转载于|摘自|选自|via\b).{0,40}|(?:本文|文章|消息|新闻|图片|视频)?(?:来源|来自|出处|原标题|原文|原文链接|原文地址|责任编辑|编辑|作者|记者|通讯员|摄影|校对|审核)\s*[:：|丨].{0,60})$/gm;
// A source note inside a line: (转自人民网) 【来源：新华社】 ——转自@某某
const SOURCE_NOTE =
  /[(（【\[]\s*(?:转自|转载自|摘自|选自|via|by|来源\s*[:：]?|来自\s*[:：]|编辑\s*[:：]|记者\s*[:：])[^)）】\]\n]{0,40}[)）】\]]|(?:转自|转载自|摘自)\s*[@\w\u3400-\u9fff]{0,30}\s*$/gm;
const URL = /https?:\/\/[\w\-.~:/?#@!$&'*+,;=%]+/g;
// "回复@某某:" and "//@某某:" and plain mentions.
const MENTION = /(?:回复)?@[\w\u3400-\u9fff\-]{1,30}[:：]?/g;
// Weibo emoticons such as [话筒] [赞啊] and hashtags such as #福州城事#.
const EMOTICON = /\[[\u3400-\u9fffa-z]{1,8}\]/g;
const HASHTAG = /#[^#\n]{1,40}#/g;
const BOILERPLATE_WORDS = /转发微博|轉發微博|分享图片|网页链接|展开全文|显示地图|原文链接/g;
// What is left counts: Han, Latin letters and digits. Everything else is punctuation or space.
const NOT_CONTENT = /[^\u3400-\u9fff\uf900-\ufaffa-z0-9]+/g;

/** Remove repost tags, source lines and notes, mentions, URLs, emoticons and hashtags; punctuation stays. */
export function dropBoilerplate(norm: string): string {
  return norm
    .replace(URL, ' ')
    .replace(SOURCE_LINE, ' ')
    .replace(SOURCE_NOTE, ' ')
    .replace(REPOST_TAG, ' ')
    .replace(MENTION, ' ')
    .replace(EMOTICON, ' ')
    .replace(HASHTAG, ' ')
    .replace(BOILERPLATE_WORDS, ' ');
}

/** Only the content characters (Han, a–z, 0–9) of a text. */
export function contentChars(text: string): string {
  return text.replace(NOT_CONTENT, '');
}

/** The content characters of a folded text, boilerplate and punctuation removed. */
export function stripBoilerplate(norm: string): string {
  return contentChars(dropBoilerplate(norm));
}

// Leading headlines in brackets (【…】 on Weibo) that reposters rewrite, drop, or stack their own on.
const LEADING_HEADLINES = /^(?:[\s\p{P}]*[【\[][^】\]\n]{1,60}[】\]])+/u;
const FIRST_HEADLINE = /^[\s\p{P}]*[【\[][^】\]\n]{1,60}[】\]]/u;

/** The text with its leading 【headline】s (or only the first) removed; unchanged when there is none. */
export function dropLeadingHeadlines(text: string, all = true): string {
  return text.replace(all ? LEADING_HEADLINES : FIRST_HEADLINE, '');
}
