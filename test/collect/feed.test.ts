// The feed source kind over loopback HTTP with real-world feeds: Chinese legacy charsets, Atom 0.3,
// RSS 0.9x, RDF, JSON Feed, namespaces, relative links, duplicate GUIDs, broken XML.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { collectOnce, type CollectOnceResult } from '../../src/collect/collect-once.ts';
import { YqError } from '../../src/errors.ts';
import { sharedData } from '../helpers/context.ts';
import { fixture, gbk, loopbackFetch } from './helpers/fixtures.ts';
import { send, startServer, type TestServer } from './helpers/server.ts';

const now = Date.UTC(2024, 1, 2, 4, 0, 0);
const tz = 'Asia/Shanghai';
const feedFile = (p: string) => fs.readFileSync(sharedData('feeds', p));

describe('feed source', () => {
  let srv: TestServer;
  const hits: Record<string, number> = {};
  const serve = (p: string, type: string) => send(feedFile(p), { 'content-type': type });
  before(async () => {
    srv = await startServer({
      '/w3cn.xml': serve('chinese-legacy/GB2312/w3cn.org.xml', 'text/xml'),
      '/westca.rdf': serve('chinese-legacy/GB2312/14.blog.westca.com.xml', 'application/rdf+xml'),
      '/godthink.xml': serve('chinese-legacy/GB2312/godthink.blogsome.com.xml', 'application/rss+xml'),
      '/blogger-big5.atom': serve('chinese-legacy/Big5/0804.blogspot.com.xml', 'application/atom+xml; charset=utf-8'),
      '/coolloud.rdf': serve('chinese-legacy/Big5/coolloud.org.tw.xml', 'text/xml; charset=big5'),
      '/medium.rss': serve('rss-parser/content-encoded.rss', 'application/rss+xml; charset=utf-8'),
      '/heise.atom': serve('rss-parser/heise.atom', 'application/atom+xml'),
      '/example.json': serve('feedparser/json/example.json', 'application/feed+json'),
      '/cp1251.xml': serve('miniflux/reader/parser/testdata/encoding_WINDOWS-1251.xml', 'text/xml'),
      '/not-a-feed': serve('rss-parser/unrecognized.rss', 'text/html'),
      '/local.rss': send(gbk(fixture('dup-guids.rss')), { 'content-type': 'application/rss+xml' }),
      '/truncated.rss': send(feedFile('rss-parser/guardian.rss').subarray(0, 6000), { 'content-type': 'application/rss+xml' }),
      '/garbage.xml': send('<rss version="2.0"><channel><<<>>> </rss', { 'content-type': 'text/xml' }),
      '/cached.rss': (req, res) => {
        hits.cached = (hits.cached ?? 0) + 1;
        if (req.headers['if-none-match'] === '"abc"') res.writeHead(304, { etag: '"abc"' }).end();
        else res.writeHead(200, { etag: '"abc"', 'content-type': 'application/rss+xml' }).end(feedFile('chinese-legacy/GB2312/w3cn.org.xml'));
      },
    });
  });
  after(() => srv.close());

  const collect = (path: string, settings: unknown = {}, known?: (k: string) => boolean): Promise<CollectOnceResult> =>
    collectOnce({ kind: 'feed', url: `${srv.url}${path}`, settings, platform: 'news' }, { fetch: loopbackFetch(), tz, now, known });

  test('GB2312 RSS 2.0 with no charset in the header', async () => {
    const r = await collect('/w3cn.xml');
    assert.equal(r.charset, 'gb18030');
    assert.equal(r.items.length, 20);
    const first = r.items[0]!;
    assert.equal(first.title, '如何以及何时使用sIFR');
    assert.equal(first.url, 'http://www.w3cn.org/article/translate/2005/117.html');
    assert.equal(first.external_id, 'http://www.w3cn.org/article/translate/2005/117.html');
    assert.equal(first.author, '阿宏');
    assert.equal(first.published_at, '2005-05-28T08:05:36.000Z', '"2005-5-28 16:05:36" read in Shanghai time');
    assert.equal(first.platform, 'news');
    assert.deepEqual(r.errors, []);
    assert.equal(r.captures.length, 1);
    assert.ok(r.itemCaptures.every((c) => c === 0));
  });

  test('GB2312 RSS 1.0 (RDF) with dc:creator, dc:date and content:encoded', async () => {
    const r = await collect('/westca.rdf');
    const first = r.items[0]!;
    assert.equal(first.title, '想要飞 却怎么样也飞不高');
    assert.equal(first.author, '温城');
    assert.equal(first.published_at, '2005-12-21T22:51:36.000Z');
    assert.equal(first.url, 'http://blog.westca.com/blog_wencheng/p_full/51156.html');
    assert.match(first.content!, /^心跳乱了节奏 梦也不自由/);
  });

  test('RSS 0.92 entries without titles or dates still become items', async () => {
    const r = await collect('/godthink.xml');
    assert.equal(r.items.length, 10, 'three posts sharing one broken permalink stay three items');
    assert.equal(new Set(r.items.map((i) => i.external_id)).size, 10);
    const first = r.items[0]!;
    assert.equal(first.title, undefined);
    assert.equal(first.published_at, undefined);
    assert.match(first.content!, /^不知道为什么，这个BLOGSOME老是感觉不稳定/);
    assert.equal(first.url, 'http://godthink.blogsome.com/2005/01/07//');
  });

  test('Big5 Atom 0.3 behind a wrong "charset=utf-8" header', async () => {
    const r = await collect('/blogger-big5.atom');
    assert.equal(r.charset, 'big5');
    const first = r.items[0]!;
    assert.equal(first.title, '《11月的蕭邦》');
    assert.equal(first.author, 'ling');
    assert.equal(first.url, 'http://0804.blogspot.com/2005/10/11.html');
    assert.equal(first.external_id, 'tag:blogger.com,1999:blog-8189011.post-112985355437951392');
    assert.equal(first.published_at, '2005-10-21T00:11:00.000Z', 'Atom 0.3 <issued> 2005-10-21T08:11:00+08:00');
    assert.match(first.content!, /《11月的蕭邦》/);
    assert.match(first.content!, /----夜曲/);
  });

  test('Big5 RDF with a cut-off entity that rss-parser rejects', async () => {
    const r = await collect('/coolloud.rdf');
    assert.equal(r.charset, 'big5');
    assert.equal(r.items.length, 20);
    assert.equal(r.items[0]!.title, '1226檔下點交之後 不見棺材不走人 進輪自救會長期抗戰', 'multi-line title on one line');
    const wto = r.items.find((i) => i.title === '中國加入世界貿易組織的社會成本');
    assert.equal(wto?.author, '苦勞論壇');
    assert.equal(wto?.published_at, '2005-12-29T11:54:30.000Z');
    assert.match(wto?.content ?? '', /^中國加入世界貿易組織已經三年了。/);
  });

  test('namespaces: content:encoded over description, dc:creator as author, HTML turned to text', async () => {
    const r = await collect('/medium.rss');
    const first = r.items[0]!;
    assert.equal(first.title, 'THE CREATIVE FORAGER');
    assert.equal(first.author, 'Jeremy Puma');
    assert.equal(first.external_id, 'https://medium.com/p/125af37d838f');
    assert.equal(first.published_at, '2018-04-09T18:55:38.000Z');
    assert.match(first.content!, /^Using Wild Ingredients in the Kitchen\nHEY, YOU!/);
    assert.ok(!first.content!.includes('<'));
  });

  test('Atom 1.0 with authors and ISO dates', async () => {
    const r = await collect('/heise.atom');
    assert.equal(r.items.length, 15);
    assert.match(r.items[0]!.title!, /^Java-Anwendungsserver: Red Hat/);
    assert.match(r.items[0]!.url!, /^http:\/\/www\.heise\.de\/developer\/meldung\/Java-Anwendungsserver/);
    assert.ok(r.items.every((i) => typeof i.published_at === 'string'));
  });

  test('JSON Feed', async () => {
    const r = await collect('/example.json');
    assert.equal(r.charset, 'utf-8');
    assert.deepEqual(r.items.map((i) => [i.external_id, i.title ?? null, i.url]), [
      ['2', 'post 2', 'https://example.org/second-item'],
      ['1', null, 'https://example.org/initial-post'],
    ]);
    assert.equal(r.items[1]!.content, 'Hello, world!', 'scripts in content_html dropped');
  });

  test('windows-1251 by XML declaration', async () => {
    const r = await collect('/cp1251.xml');
    assert.equal(r.charset, 'windows-1251');
    assert.match(r.items[0]!.title!, /^Цитата #17703/);
  });

  test('duplicate GUIDs collapse; relative links, CDATA and HTML titles handled; GBK bytes under a gb2312 label', async () => {
    const r = await collect('/local.rss');
    assert.deepEqual(r.items.map((i) => i.external_id), ['news-1001', 'news-1000']);
    const [a, b] = r.items;
    assert.equal(a!.title, '县城中路改造工程 今日开工');
    assert.equal(a!.url, `${srv.url}/2024/02/01/road.html`);
    assert.equal(a!.author, '记者 张伟');
    assert.equal(a!.content, '2月1日，县城中路改造工程正式开工，工期预计8个月。\n施工期间请市民绕行。');
    assert.equal(a!.published_at, '2024-02-01T07:30:00.000Z');
    assert.equal(b!.url, `${srv.url}/2024/01/31/river.html`);
    assert.equal(b!.content, '遇龙河综合治理方案公开征求意见，截止2月10日。');
    assert.equal(b!.published_at, undefined);
  });

  test('entries already known are left out', async () => {
    const r = await collect('/local.rss', {}, (k) => k === 'news-1001');
    assert.deepEqual(r.items.map((i) => i.external_id), ['news-1000']);
  });

  test('a truncated feed gives the entries it has and says what was wrong', async () => {
    const r = await collect('/truncated.rss');
    assert.ok(r.items.length >= 1);
    assert.match(r.items[0]!.title!, /^Trump State of the Union/);
    assert.match(r.errors[0]!, /broken XML read leniently \(invalid XML: elements never closed/);
  });

  test('unreadable documents are YQ_ERR_FEED_PARSE naming the problem', async () => {
    await assert.rejects(collect('/not-a-feed'), (e: unknown) => {
      assert.ok(e instanceof YqError);
      assert.equal(e.code, 'YQ_ERR_FEED_PARSE');
      assert.match(e.message, /the document is an HTML page \(root element <head>\), not a feed/);
      return true;
    });
    await assert.rejects(collect('/garbage.xml'), (e: unknown) => e instanceof YqError && e.code === 'YQ_ERR_FEED_PARSE' && /invalid XML at line 1/.test(e.message));
  });

  test('a 304 answer to a conditional GET means nothing to do', async () => {
    const fetch = loopbackFetch();
    const r = await collectOnce(
      { kind: 'feed', url: `${srv.url}/cached.rss`, settings: {} },
      { fetch: (url, o) => fetch(url, { ...o, etag: '"abc"' }), tz, now },
    );
    assert.equal(r.notModified, true);
    assert.deepEqual([r.items, r.errors, r.charset], [[], [], null]);
  });
});

describe('feed source: feedparser fixtures (well-formed and ill-formed)', () => {
  // [file, field, expected]: expectations taken from each file's own "Expect:" line.
  const CASES: [string, 'title' | 'url' | 'external_id' | 'author', string][] = [
    ['atom/entry_link_alternate_map_link.xml', 'url', 'http://www.example.com/'],
    ['atom10/entry_link_alternate_map_link_3.xml', 'url', 'http://www.example.com/alternate'],
    ['atom10/entry_id_no_normalization_1.xml', 'external_id', 'http://www.example.org/thing'],
    ['atom10/entry_title_text_plain_brackets.xml', 'title', 'History of the <blink> tag'],
    ['atom10/entry_author_map_author_2.xml', 'author', 'Example author'],
    ['rss/item_guid_isPermaLink_map_link.xml', 'url', 'http://guid.example.com/'],
    ['rss/item_guid_not_permalink_conflict_link.xml', 'url', 'http://link.example.com/'],
    ['rss/item_dc_creator.xml', 'author', 'Example editor'],
    ['rdf/rdf_item_rdf_about.xml', 'external_id', 'http://example.org/1'],
    ['rdf/rss090_item_title.xml', 'title', 'Item title'],
    ['namespace/rss2.0noNSwithModules.xml', 'title', 'Test Item - RSS 2.0 no NS'],
    ['base/http_item_link_base_content_location.xml', 'url', 'http://example.com/relative/uri'],
  ];
  let srv: TestServer;
  before(async () => {
    srv = await startServer({
      '*': (req, res) => {
        const file = sharedData('feeds/feedparser', (req.url ?? '').slice(1));
        if (!fs.existsSync(file)) return res.writeHead(404).end();
        const text = fs.readFileSync(file, 'utf8');
        const loc = /Header:\s*Content-Location:\s*(\S+)/.exec(text)?.[1];
        res.writeHead(200, { 'content-type': 'application/xml', ...(loc ? { 'content-location': loc } : {}) }).end(text);
      },
    });
  });
  after(() => srv.close());
  for (const [file, field, expected] of CASES) {
    test(`${file}: ${field}`, async () => {
      const r = await collectOnce({ kind: 'feed', url: `${srv.url}/wellformed/${file}`, settings: {} }, { fetch: loopbackFetch(), tz, now });
      assert.equal(r.items[0]?.[field], expected);
    });
  }

  // Ill-formed documents: read what a lenient reader can, or fail naming the fault.
  test('illformed: corrupted ampersands in a link', async () => {
    const r = await collectOnce({ kind: 'feed', url: `${srv.url}/illformed/rss_item_link_corrupted_ampersands.xml`, settings: {} }, { fetch: loopbackFetch(), tz, now });
    assert.equal(r.items[0]?.url, 'http://link/get?a=1&b=2');
    assert.match(r.errors[0]!, /read leniently/);
  });
  test('illformed: XML declaration after a comment', async () => {
    const r = await collectOnce({ kind: 'feed', url: `${srv.url}/illformed/rdf_channel_empty_textinput.xml`, settings: {} }, { fetch: loopbackFetch(), tz, now });
    assert.deepEqual(r.items.map((i) => [i.title, i.external_id]), [['crashes here', 'http://example.com/1']]);
  });
  test('illformed: an empty document', async () => {
    await assert.rejects(
      collectOnce({ kind: 'feed', url: `${srv.url}/illformed/rss_empty_document.xml`, settings: {} }, { fetch: loopbackFetch(), tz, now }),
      (e: unknown) => e instanceof YqError && e.code === 'YQ_ERR_FEED_PARSE' && /Start tag expected/.test(e.message),
    );
  });
});
