// One article page → title, plain-text body, printed time and author: selectors first, then the page's
// own metadata (meta tags Chinese CMSs write), then Readability and "发布时间：" style text.
import { load, type CheerioAPI } from 'cheerio';
import { z } from 'zod';
import { htmlToText, inlineText } from '../common/text.ts';
import { fieldSchema, readField } from './fields.ts';
import { readableContent } from './readability.ts';

export const articleSelectorsSchema = z
  .object({
    title: fieldSchema.optional(),
    /** Body container(s); all matches are joined. Without it, Readability finds the main text. */
    body: fieldSchema.optional(),
    time: fieldSchema.optional(),
    author: fieldSchema.optional(),
    /** Elements to drop before reading (share bars, "related" boxes inside the body). */
    remove: z.array(fieldSchema).max(50).optional(),
  })
  .strict();
export type ArticleSelectors = z.infer<typeof articleSelectorsSchema>;

export interface Article {
  title?: string | undefined;
  content?: string | undefined;
  /** The date as printed (parsed later with the source's time zone). */
  published?: string | undefined;
  author?: string | undefined;
}

const META_TITLE = ['meta[name="ArticleTitle"]', 'meta[property="og:title"]', 'meta[name="title"]'];
const META_TIME = [
  'meta[name="PubDate"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[property="article:published_time"]',
  'meta[name="publish_date"]', 'meta[itemprop="datePublished"]', 'meta[name="weibo: article:create_at"]', 'time[datetime]',
];
const META_AUTHOR = ['meta[name="author"]', 'meta[name="Author"]', 'meta[property="article:author"]', 'meta[name="ContentSource"]'];
const TEXT_TIME = /(?:发布时间|发表时间|发布日期|时间|日期|发表于|发布于)\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)/;
const TEXT_AUTHOR = /(?:作者|记者|撰稿|编辑|来源)\s*[:：]\s*([^\s　|｜/]{2,30})/;

function firstAttr($: CheerioAPI, selectors: string[]): string | undefined {
  for (const s of selectors) {
    const el = $(s).first();
    const v = (el.attr('content') ?? el.attr('datetime'))?.trim();
    if (v) return v;
  }
  return undefined;
}

/** "标题_某某县人民政府" → "标题": drop a site-name suffix from <title>. */
function cleanDocTitle(t: string | undefined): string | undefined {
  return t?.split(/\s*(?:_|\||｜| - | — )\s*/)[0]?.trim() || undefined;
}

/** Extract the article on a page; `selectors` take precedence over every heuristic. */
export function extractArticle(html: string, sel: ArticleSelectors = {}): Article {
  const $ = load(html);
  for (const r of sel.remove ?? []) $(r).remove();
  const root = $.root();
  const title = readField($, root, sel.title) ?? firstAttr($, META_TITLE) ?? inlineText($('h1').first().html()) ?? undefined;
  let content: string | undefined;
  let readable: ReturnType<typeof readableContent> | undefined;
  if (sel.body) {
    content = $(sel.body).toArray().map((el) => htmlToText($.html(el))).filter(Boolean).join('\n') || undefined;
  } else {
    $('script, style, noscript').remove();
    readable = readableContent($.html());
    content = readable?.text;
  }
  const pageText = () => htmlToText($('body').html() ?? '');
  const published = readField($, root, sel.time) ?? firstAttr($, META_TIME) ?? readable?.publishedTime ?? TEXT_TIME.exec(pageText())?.[1];
  const author = readField($, root, sel.author) ?? firstAttr($, META_AUTHOR) ?? readable?.byline ?? TEXT_AUTHOR.exec(pageText())?.[1];
  return {
    title: title || cleanDocTitle(readable?.title ?? (inlineText($('title').first().html()) || undefined)),
    content,
    published,
    author: author || undefined,
  };
}
