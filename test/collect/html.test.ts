// The html source kind against loopback pages: a GBK forum list with pagination and thread pages,
// and a government news list whose articles are read by main-text extraction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectOnce } from '../../src/collect/collect-once.ts';
import { fixture, gbk, loopbackFetch } from './helpers/fixtures.ts';
import { send, startServer, type TestServer } from './helpers/server.ts';

// 2024-02-02 12:00 in Shanghai.
const now = Date.UTC(2024, 1, 2, 4, 0, 0);
const tz = 'Asia/Shanghai';
const GBK_HTML = { 'content-type': 'text/html' }; // no charset: the page's <meta> must be read

const THREADS: Record<string, { title: string; author: string; uid: string; time: string; body: string }> = {
  '101': { title: '县城中路施工噪音扰民，晚上十一点还在打桩', author: '老街坊', uid: '8', time: '2024-2-2 11:57', body: '连续一周了，每天晚上十一点多还在打桩，<br />老人孩子都睡不着。希望有关部门管一管！' },
  '102': { title: '安陲乡到县城的班车什么时候恢复？', author: '山里人', uid: '15', time: '2024-2-1 12:00', body: '春节前还有班车，现在停了，进城看病很不方便。' },
  '103': { title: '遇龙河边的垃圾没人清理，臭气熏天', author: '河边住户', uid: '23', time: '2024-2-1 15:30', body: '遇龙河桥头往下两百米，垃圾堆了半个月。' },
  '95': { title: '菜市场摊位费又涨了，小商户压力很大', author: '卖菜的老王', uid: '41', time: '2024-1-28 09:05', body: '摊位费从每月三百涨到五百，生意不好做。' },
};

describe('html source: GBK forum list', () => {
  let srv: TestServer;
  before(async () => {
    const routes: Record<string, ReturnType<typeof send>> = {
      '/bbs/forum-37-1.html': send(gbk(fixture('forum-list.html')), GBK_HTML),
      '/bbs/forum-37-2.html': send(gbk(fixture('forum-list-2.html')), GBK_HTML),
      '/bbs/thread-9-1-1.html': send(gbk(fixture('forum-thread.html', { title: '版规', author: '版主', uid: '1', time: '2023-1-5 08:00', body: '请文明发帖。' })), GBK_HTML),
    };
    for (const [id, t] of Object.entries(THREADS)) routes[`/bbs/thread-${id}-1-1.html`] = send(gbk(fixture('forum-thread.html', t)), GBK_HTML);
    srv = await startServer(routes);
  });
  after(() => srv.close());

  const settings = {
    list: { item: 'tbody[id^=normalthread] tr', link: 'a.xst', time: 'td.by em span', author: 'td.by cite a' },
    article: { body: 'td.t_f', time: 'em[id^=authorposton]', author: '.authi a.xw1' },
    pagination: { next: 'a.nxt', pages: 3 },
  };

  test('reads both list pages and every thread, decoding GBK by <meta>', async () => {
    const r = await collectOnce({ kind: 'html', url: `${srv.url}/bbs/forum-37-1.html`, settings, platform: 'forum' }, { fetch: loopbackFetch(), tz, now });
    assert.equal(r.charset, 'gb18030');
    assert.deepEqual(r.items.map((i) => i.title), [THREADS['101']!.title, THREADS['102']!.title, THREADS['103']!.title, THREADS['95']!.title]);
    const first = r.items[0]!;
    assert.equal(first.url, `${srv.url}/bbs/thread-101-1-1.html`, 'relative link resolved against <base href>');
    assert.equal(first.external_id, first.url);
    assert.equal(first.author, '老街坊');
    assert.equal(first.platform, 'forum');
    assert.equal(first.content, '连续一周了，每天晚上十一点多还在打桩，\n老人孩子都睡不着。希望有关部门管一管！');
    assert.equal(first.published_at, '2024-02-02T03:57:00.000Z', 'thread page time (发表于 2024-2-2 11:57) wins over "3分钟前"');
    assert.equal(r.items[3]!.published_at, '2024-01-28T01:05:00.000Z');
    assert.equal(r.items[3]!.author, '卖菜的老王');
    // The deleted thread 104 answers 404: reported, and the rest still collected.
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!, /thread-104-1-1\.html: .*HTTP 404/);
    // Evidence: list pages and thread pages, each item pointing at its own page.
    assert.equal(r.captures.length, 2 + 4, "two list pages and four thread pages (the 404 is an error, not evidence)");
    assert.equal(r.captures[r.itemCaptures[0]!]!.url, first.url);
    assert.match(r.captures[0]!.sha256, /^[0-9a-f]{64}$/);
    assert.ok(r.captures[0]!.body.includes(gbk('民生热线')), 'capture keeps the raw GBK bytes');
  });

  test('list data alone when article pages are not fetched: list times parsed in the source zone', async () => {
    const r = await collectOnce(
      { kind: 'html', url: `${srv.url}/bbs/forum-37-1.html`, settings: { ...settings, fetchArticles: false, pagination: undefined } },
      { fetch: loopbackFetch(), tz, now },
    );
    const times = Object.fromEntries(r.items.map((i) => [i.title, i.published_at]));
    assert.equal(times[THREADS['101']!.title], new Date(now - 3 * 60_000).toISOString(), '3分钟前');
    assert.equal(times[THREADS['102']!.title], '2024-02-01T04:00:00.000Z', '昨天 12:00');
    assert.equal(times[THREADS['103']!.title], '2024-02-01T07:30:00.000Z', '02-01 15:30');
    assert.equal(r.captures.length, 1);
  });

  test('known threads are skipped before their pages are fetched', async () => {
    const knownUrl = `${srv.url}/bbs/thread-102-1-1.html`;
    const before = srv.log.length;
    const r = await collectOnce(
      { kind: 'html', url: `${srv.url}/bbs/forum-37-1.html`, settings: { ...settings, pagination: undefined } },
      { fetch: loopbackFetch(), tz, now, known: (k) => k === knownUrl },
    );
    assert.ok(!r.items.some((i) => i.url === knownUrl));
    assert.ok(!srv.log.slice(before).includes('GET /bbs/thread-102-1-1.html'), 'known thread page not requested');
    assert.equal(r.items.length, 2);
  });

  test('a selector that matches nothing is reported, not silent', async () => {
    const r = await collectOnce(
      { kind: 'html', url: `${srv.url}/bbs/forum-37-1.html`, settings: { list: { item: 'ul.no-such-list li' } } },
      { fetch: loopbackFetch(), tz, now },
    );
    assert.deepEqual(r.items, []);
    assert.match(r.errors[0]!, /item selector "ul\.no-such-list li" matched nothing/);
  });
});

describe('html source: news list with main-text extraction', () => {
  let srv: TestServer;
  before(async () => {
    srv = await startServer({
      '/zwgk/gzdt/index.html': send(fixture('news-list.html'), { 'content-type': 'text/html; charset=utf-8' }),
      '/zwgk/gzdt/2.html': send(fixture('news-article.html'), { 'content-type': 'text/html' }),
      '/zwgk/gzdt/3.html': send(fixture('news-article-2.html'), { 'content-type': 'text/html' }),
    });
  });
  after(() => srv.close());

  test('without a body selector the main text is found and the chrome left out', async () => {
    const r = await collectOnce(
      { kind: 'html', url: `${srv.url}/zwgk/gzdt/index.html`, settings: { list: { item: 'ul.news-list li', time: 'span.date' } }, platform: 'news' },
      { fetch: loopbackFetch(), tz, now },
    );
    assert.equal(r.errors.length, 0, r.errors.join('; '));
    const [a, b] = r.items;
    assert.equal(a!.title, '县政府召开防汛抗旱工作部署会议', 'truncated list title replaced by the page title');
    assert.equal(a!.url, `${srv.url}/zwgk/gzdt/2.html`);
    assert.equal(a!.published_at, '2024-02-01T07:30:00.000Z', 'from <meta name="PubDate">');
    assert.equal(a!.author, '县应急管理局');
    assert.match(a!.content!, /^2月1日下午，县政府召开防汛抗旱工作部署会议/);
    assert.match(a!.content!, /会议要求，一要压实防汛责任/);
    assert.match(a!.content!, /参加会议。$/);
    for (const chrome of ['主办单位', '热点专题', '上一篇', '首页', '分享到']) assert.ok(!a!.content!.includes(chrome), `no "${chrome}"`);
    assert.equal(b!.title, '全县安全生产工作会议召开');
    assert.equal(b!.published_at, '2024-01-31T01:00:00.000Z', 'from "发布时间：2024年01月31日 09:00" in the text');
    assert.equal(b!.author, '王芳');
    assert.match(b!.content!, /^1月31日上午，全县安全生产工作会议召开/);
    assert.ok(!b!.content!.includes('乡村振兴'));
  });
});
