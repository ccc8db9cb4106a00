// Feed entries → the item JSON form: ids, resolved links, plain-text titles and bodies, parsed dates.
import type { ItemInput } from '../../../ingest/item-schema.ts';
import { htmlToText, inlineText } from '../common/text.ts';
import { contentId, toItemInput } from '../common/item.ts';
import { resolveAgainst } from '../common/url.ts';
import type { RawEntry, RawFeed } from './parse.ts';

export interface AdaptOptions {
  /** The URL the feed was fetched from (after redirects): relative links resolve against it. */
  docUrl: string;
  tz: string;
  now: number;
  platform?: string | undefined;
}

/** The entry's link as an absolute URL (entry xml:base, then feed xml:base, then the feed's own URL). */
export function entryUrl(e: RawEntry, feed: RawFeed, docUrl: string): string | undefined {
  return resolveAgainst(e.link, e.base, feed.base, docUrl);
}

/** The external id: guid/id, else the link, else a hash of what the entry says. */
export function entryId(e: RawEntry, url: string | undefined): string {
  return e.id?.trim() || url || contentId(e.title, e.summary, e.content, e.published);
}

/** One entry as an item. */
export function entryToItem(e: RawEntry, feed: RawFeed, o: AdaptOptions): ItemInput {
  const url = entryUrl(e, feed, o.docUrl);
  const body = e.content?.trim() ? e.content : e.summary;
  return toItemInput(
    {
      external_id: entryId(e, url),
      url,
      title: e.titleIsText ? e.title?.replace(/\s+/g, ' ').trim() : inlineText(e.title),
      content: body ? htmlToText(body) : undefined,
      author: inlineText(e.author),
      published: e.published?.trim() || e.updated,
    },
    o,
  );
}

/** All entries as items, duplicate ids (the same GUID twice) collapsed to the first. */
export function feedToItems(feed: RawFeed, o: AdaptOptions): ItemInput[] {
  const seen = new Set<string>();
  const out: ItemInput[] = [];
  // Old blogs give different posts one broken permalink ("/2004/12/28//"): without a GUID such a
  // shared link cannot be the id, or distinct posts would collapse into one.
  const linkUses = new Map<string, number>();
  for (const e of feed.entries) if (!e.id?.trim() && e.link) linkUses.set(e.link, (linkUses.get(e.link) ?? 0) + 1);
  for (const e of feed.entries) {
    const item = entryToItem(e, feed, o);
    if (!e.id?.trim() && e.link && (linkUses.get(e.link) ?? 0) > 1) item.external_id = contentId(item.url, e.title, e.summary, e.content);
    const key = String(item.external_id);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
