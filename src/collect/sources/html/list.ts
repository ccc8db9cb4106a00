// A list page → entries (link, title, time, author, summary) by CSS selectors, links made absolute.
import { load, type CheerioAPI } from 'cheerio';
import { z } from 'zod';
import { inlineText } from '../common/text.ts';
import { resolveUrl } from '../common/url.ts';
import { fieldSchema, readField, splitField } from './fields.ts';

export const listSelectorsSchema = z
  .object({
    /** Each list entry (a row, an <li>, a card). */
    item: fieldSchema,
    /** The link inside an entry (default: the entry itself if it is <a>, else its first <a href>); "@attr" picks another attribute. */
    link: fieldSchema.optional(),
    title: fieldSchema.optional(),
    time: fieldSchema.optional(),
    author: fieldSchema.optional(),
    summary: fieldSchema.optional(),
  })
  .strict();
export type ListSelectors = z.infer<typeof listSelectorsSchema>;

export interface ListEntry {
  url: string;
  title?: string | undefined;
  time?: string | undefined;
  author?: string | undefined;
  summary?: string | undefined;
  /** The id to store instead of the URL (a feed entry's GUID). */
  externalId?: string | undefined;
  /** Index of the capture (list page) the entry came from. */
  capture?: number | undefined;
}

/** The page's base for relative links: <base href> resolved against the page URL. */
export function pageBase($: CheerioAPI, pageUrl: string): string {
  return resolveUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
}

/** Entries on a list page, in page order, each with an absolute URL (entries without a link are skipped). */
export function parseList(html: string, pageUrl: string, sel: ListSelectors): { entries: ListEntry[]; matched: number; $: CheerioAPI } {
  const $ = load(html);
  const base = pageBase($, pageUrl);
  const items = $(sel.item);
  const entries: ListEntry[] = [];
  items.each((_, node) => {
    const el = $(node);
    let linkEl = el.is('a[href]') ? el : el.find('a[href]').first();
    let href: string | undefined = linkEl.attr('href');
    if (sel.link) {
      const { selector, attr } = splitField(sel.link);
      linkEl = selector === ':scope' ? el : el.find(selector).first();
      href = linkEl.attr(attr ?? 'href');
    }
    const url = resolveUrl(href, base);
    if (!url) return;
    entries.push({
      url,
      title: readField($, el, sel.title) ?? (inlineText($.html(linkEl)) || linkEl.attr('title') || undefined),
      time: readField($, el, sel.time),
      author: readField($, el, sel.author),
      summary: readField($, el, sel.summary),
    });
  });
  return { entries, matched: items.length, $ };
}

/** The next-page URL by a selector (its href, or "@attr"), or undefined. */
export function nextPageUrl($: CheerioAPI, pageUrl: string, nextSelector: string): string | undefined {
  const { selector, attr } = splitField(nextSelector);
  return resolveUrl($(selector).first().attr(attr ?? 'href'), pageBase($, pageUrl));
}
