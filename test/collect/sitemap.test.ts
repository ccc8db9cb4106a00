// The sitemap source kind: a sitemap index with a news sitemap and a gzipped sitemap, filters, bounds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { collectOnce } from '../../src/collect/collect-once.ts';
import { YqError } from '../../src/errors.ts';
import { fixture, loopbackFetch } from './helpers/fixtures.ts';
import { send, startServer, type TestServer } from './helpers/server.ts';

const now = Date.UTC(2024, 1, 2, 4, 0, 0);
const tz = 'Asia/Shanghai';
const NOTICE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>春节期间值班安排_安陲县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a></div><div class="TRS_Editor"><p>春节期间（2月9日至2月17日）县政府办公室实行24小时值班，值班电话0771-1234567。</p>
<p>各乡镇、各部门要严格落实领导带班和24小时值班制度，遇有重大突发事件要第一时间报告。</p></div></body></html>`;

describe('sitemap source', () => {
  let srv: TestServer;
  before(async () => {
    let base = '';
    const xml = (s: string) => send(s.replaceAll('{{base}}', base), { 'content-type': 'application/xml' });
    srv = await startServer({
      '/sitemap_index.xml': (req, res) => xml(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{{base}}/sitemap-pages.xml.gz</loc><lastmod>2024-01-20</lastmod></sitemap>
  <sitemap><loc>/sitemap-news.xml</loc><lastmod>2024-02-01T16:00:00+08:00</lastmod></sitemap>
</sitemapindex>`)(req, res),
      '/sitemap-news.xml': (req, res) => xml(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{{base}}/zwgk/gzdt/3.html</loc><news:news><news:publication><news:name>安陲县人民政府</news:name><news:language>zh</news:language></news:publication>
    <news:publication_date>2024-01-31T09:00:00+08:00</news:publication_date><news:title>全县安全生产工作会议召开</news:title></news:news></url>
  <url><loc>{{base}}/zwgk/gzdt/2.html</loc><news:news><news:publication><news:name>安陲县人民政府</news:name><news:language>zh</news:language></news:publication>
    <news:publication_date>2024-02-01T15:30:00+08:00</news:publication_date><news:title>县政府召开防汛抗旱工作部署会议</news:title></news:news></url>
</urlset>`)(req, res),
      '/sitemap-pages.xml.gz': (_req, res) => {
        const body = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${base}/about/index.html</loc><lastmod>2023-06-01</lastmod></url>
<url><loc>${base}/zwgk/gzdt/1.html</loc><lastmod>2024-01-20T10:00:00+08:00</lastmod></url></urlset>`;
        res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(zlib.gzipSync(body));
      },
      '/broken.xml': send('<urlset><url><loc>x</loc></urlset>', { 'content-type': 'text/xml' }),
      '/zwgk/gzdt/1.html': send(NOTICE, { 'content-type': 'text/html; charset=utf-8' }),
      '/zwgk/gzdt/2.html': send(fixture('news-article.html'), { 'content-type': 'text/html' }),
      '/zwgk/gzdt/3.html': send(fixture('news-article-2.html'), { 'content-type': 'text/html' }),
      '/about/index.html': send('<html><body>about</body></html>', { 'content-type': 'text/html' }),
    });
    base = srv.url;
  });
  after(() => srv.close());

  test('follows the index into a news sitemap and a gzipped sitemap; newest first; include filter', async () => {
    const r = await collectOnce(
      { kind: 'sitemap', url: `${srv.url}/sitemap_index.xml`, settings: { include: '/gzdt/' }, platform: 'news' },
      { fetch: loopbackFetch(), tz, now },
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.items.map((i) => i.url), [`${srv.url}/zwgk/gzdt/2.html`, `${srv.url}/zwgk/gzdt/3.html`, `${srv.url}/zwgk/gzdt/1.html`]);
    const [a, b, c] = r.items;
    assert.equal(a!.title, '县政府召开防汛抗旱工作部署会议');
    assert.equal(a!.published_at, '2024-02-01T07:30:00.000Z');
    assert.match(a!.content!, /会议强调，各乡镇要完善应急预案/);
    assert.equal(b!.author, '王芳');
    assert.equal(c!.title, '春节期间值班安排', 'site suffix dropped from <title>');
    assert.equal(c!.published_at, '2024-01-20T02:00:00.000Z', 'lastmod when the page prints no date');
    assert.match(c!.content!, /^春节期间（2月9日至2月17日）县政府办公室实行24小时值班/);
    assert.ok(!srv.log.includes('GET /about/index.html'), 'excluded URLs are not fetched');
    // Index, two child sitemaps, three articles.
    assert.equal(r.captures.length, 6);
    assert.equal(r.captures[r.itemCaptures[0]!]!.url, a!.url);
  });

  test('maxSitemaps bounds the children read; known pages are not fetched', async () => {
    const before = srv.log.length;
    const r = await collectOnce(
      { kind: 'sitemap', url: `${srv.url}/sitemap_index.xml`, settings: { maxSitemaps: 1 } },
      { fetch: loopbackFetch(), tz, now, known: (k) => k.endsWith('/2.html') },
    );
    assert.deepEqual(r.items.map((i) => i.title), ['全县安全生产工作会议召开']);
    const requested = srv.log.slice(before);
    assert.ok(!requested.includes('GET /sitemap-pages.xml.gz'));
    assert.ok(!requested.includes('GET /zwgk/gzdt/2.html'));
  });

  test('an unreadable sitemap is YQ_ERR_FEED_PARSE with the line', async () => {
    await assert.rejects(
      collectOnce({ kind: 'sitemap', url: `${srv.url}/broken.xml`, settings: {} }, { fetch: loopbackFetch(), tz, now }),
      (e: unknown) => e instanceof YqError && e.code === 'YQ_ERR_FEED_PARSE' && /invalid XML at line 1/.test(e.message),
    );
  });
});
