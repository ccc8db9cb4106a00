// Raw sitemap parse: <urlset> (with Google News tags), <sitemapindex>, or a plain-text URL list.
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { YqError } from '../../../errors.ts';
import { resolveUrl } from '../common/url.ts';

export interface SitemapUrl {
  loc: string;
  lastmod?: string | undefined;
  /** <news:title> */
  newsTitle?: string | undefined;
  /** <news:publication_date> */
  newsDate?: string | undefined;
}

export type ParsedSitemap =
  | { kind: 'urlset'; urls: SitemapUrl[] }
  | { kind: 'index'; sitemaps: { loc: string; lastmod?: string | undefined }[] };

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

type Node = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : []);

/** Sitemaps are often served gzipped as files (.xml.gz) rather than with Content-Encoding. */
export function gunzipIfNeeded(body: Buffer, maxBytes: number): Buffer {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (e) {
    throw new YqError('YQ_ERR_FETCH_TOO_LARGE', `gzipped sitemap does not inflate within ${maxBytes} bytes (${(e as Error).message})`, { cause: e });
  }
}

/** Parse sitemap text fetched from `url`; locations are made absolute. */
export function parseSitemap(text: string, url: string): ParsedSitemap {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t.startsWith('<')) {
    const urls = t.split(/\r?\n/).map((l) => resolveUrl(l.trim(), url)).filter((u): u is string => !!u);
    if (urls.length) return { kind: 'urlset', urls: urls.map((loc) => ({ loc })) };
  }
  const valid = XMLValidator.validate(t);
  if (valid !== true) throw new YqError('YQ_ERR_FEED_PARSE', `sitemap ${url}: invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc = obj(parser.parse(t));
  if ('sitemapindex' in doc) {
    const sitemaps = list(obj(doc.sitemapindex).sitemap)
      .map((s) => ({ loc: resolveUrl(str(s.loc), url), lastmod: str(s.lastmod) }))
      .filter((s): s is { loc: string; lastmod: string | undefined } => !!s.loc);
    return { kind: 'index', sitemaps };
  }
  if ('urlset' in doc) {
    const urls = list(obj(doc.urlset).url).flatMap((u) => {
      const loc = resolveUrl(str(u.loc), url);
      const news = obj(u.news);
      return loc ? [{ loc, lastmod: str(u.lastmod), newsTitle: str(news.title), newsDate: str(news.publication_date) }] : [];
    });
    return { kind: 'urlset', urls };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  throw new YqError('YQ_ERR_FEED_PARSE', `sitemap ${url}: expected <urlset> or <sitemapindex>, found <${root ?? 'nothing'}>`);
}
