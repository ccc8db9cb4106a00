// Raw feed parse: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed through feedsmith, into one
// neutral entry shape. Takes text that decodeBody already produced (XML parsers choke on GB2312/Big5 bytes).
import { parseFeed, type AnyFeed, type AtomFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { load } from 'cheerio';
import { YqError } from '../../../errors.ts';

export interface RawEntry {
  id?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  /** Atom says the title is plain text (type="text"): "<blink>" in it is literal, not markup. */
  titleIsText?: boolean | undefined;
  /** Full content (content:encoded, Atom content, JSON content_html/text). */
  content?: string | undefined;
  summary?: string | undefined;
  author?: string | undefined;
  published?: string | undefined;
  updated?: string | undefined;
  /** xml:base in force for the entry. */
  base?: string | undefined;
}

export interface RawFeed {
  format: AnyFeed['format'];
  title?: string | undefined;
  base?: string | undefined;
  entries: RawEntry[];
  /** Set when the XML was broken and read through the lenient repair pass: what was wrong. */
  repaired?: string | undefined;
}

const first = <T>(a: T[] | undefined): T | undefined => a?.[0];

function atomLink(links: AtomFeed.Link<string>[] | undefined): string | undefined {
  const html = links?.filter((l) => !l.rel || l.rel === 'alternate');
  return (html?.find((l) => !l.type || /html/.test(l.type)) ?? html?.[0] ?? links?.[0])?.href;
}

/** Atom 1.0 "text" (the default) or Atom 0.3 "text/plain". */
function isTextType(type: string | undefined): boolean {
  return !type || type === 'text' || type === 'text/plain';
}

function fromAnyFeed(parsed: AnyFeed): RawFeed {
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      return {
        format: 'rss', title: f.title, base: f.xml?.base,
        entries: (f.items ?? []).map((i) => ({
          id: i.guid?.value, link: i.link ?? (i.guid?.isPermaLink !== false && /^https?:/.test(i.guid?.value ?? '') ? i.guid?.value : undefined),
          title: i.title ?? first(i.dc?.titles), content: i.content?.encoded, summary: i.description,
          author: first(i.authors)?.name ?? first(i.dc?.creators) ?? first(i.authors)?.email,
          published: i.pubDate ?? first(i.dc?.dates) ?? i.atom?.published, updated: i.atom?.updated, base: i.xml?.base,
        })),
      };
    }
    case 'atom': {
      const f = parsed.feed;
      return {
        format: 'atom', title: f.title?.value, base: f.xml?.base,
        entries: (f.entries ?? []).map((e) => ({
          id: e.id, link: atomLink(e.links), title: e.title?.value, titleIsText: isTextType(e.title?.type), content: e.content?.value, summary: e.summary?.value,
          author: first(e.authors)?.name ?? first(f.authors)?.name ?? first(e.dc?.creators),
          published: e.published ?? first(e.dc?.dates), updated: e.updated, base: e.xml?.base ?? e.content?.xml?.base,
        })),
      };
    }
    case 'rdf': {
      const f = parsed.feed;
      return {
        format: 'rdf', title: f.title,
        entries: (f.items ?? []).map((i) => ({
          id: i.rdf?.about, link: i.link, title: i.title, content: i.content?.encoded, summary: i.description,
          author: first(i.dc?.creators), published: first(i.dc?.dates), updated: undefined, base: i.xml?.base,
        })),
      };
    }
    case 'json': {
      const f = parsed.feed;
      return {
        format: 'json', title: f.title, base: f.home_page_url,
        entries: (f.items ?? []).map((i) => ({
          id: i.id, link: i.url ?? i.external_url, title: i.title, content: i.content_html ?? i.content_text, summary: i.summary,
          author: first(i.authors)?.name ?? first(f.authors)?.name, published: i.date_published, updated: i.date_modified,
        })),
      };
    }
  }
}

/** Say what is wrong with a document that is not a readable feed. */
function describeFailure(text: string, cause: unknown): string {
  const trimmed = text.trimStart();
  if (!trimmed) return 'the document is empty';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return `not a JSON Feed (${(cause as Error).message})`;
  const root = /<(?!\?|!)([\w:-]+)/.exec(trimmed)?.[1];
  if (root && /^(html|head|body)$/i.test(root)) return `the document is an HTML page (root element <${root}>), not a feed`;
  const valid = XMLValidator.validate(trimmed.slice(0, 2_000_000));
  if (valid !== true) {
    const unclosed = /^Invalid '\[(.*)\]' found/s.exec(valid.err.msg);
    const msg = unclosed ? `elements never closed (truncated document?): ${unclosed[1]!.replace(/[\s"]+/g, '')}` : valid.err.msg;
    return `invalid XML${unclosed ? '' : ` at line ${valid.err.line}${valid.err.col ? `, column ${valid.err.col}` : ''}`}: ${msg}${root ? ` (root <${root}>)` : ''}`;
  }
  return root ? `no RSS, Atom or RDF feed: the document's root element is <${root}>` : 'no XML element found';
}

/**
 * Re-serialise broken XML through htmlparser2's forgiving XML mode: unclosed elements are closed,
 * stray declarations dropped, bare ampersands escaped. What survives is what a lenient reader sees.
 */
function repairXml(text: string): string {
  const body = text.replace(/<\?xml[^>]*\?>/g, '').replace(/&(?![a-zA-Z][\w.-]*;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;');
  return load(body, { xml: { xmlMode: true, decodeEntities: false } }).xml();
}

/** Parse feed text; a document that cannot be read as a feed is YQ_ERR_FEED_PARSE naming the problem. */
export function parseFeedText(text: string): RawFeed {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  try {
    const input: unknown = trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed;
    return fromAnyFeed(parseFeed(input));
  } catch (e) {
    if (!trimmed.startsWith('{') && trimmed.startsWith('<')) {
      try {
        return { ...fromAnyFeed(parseFeed(repairXml(trimmed))), repaired: describeFailure(trimmed, e) };
      } catch {
        // fall through to the original, more telling error
      }
    }
    throw new YqError('YQ_ERR_FEED_PARSE', describeFailure(trimmed, e), { cause: e });
  }
}
