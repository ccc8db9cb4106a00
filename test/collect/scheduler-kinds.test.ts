import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { Scheduler } from '../../src/collect/scheduler/scheduler.ts';
import { createSource } from '../../src/collect/register/repo.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { listCaptures } from '../../src/collect/evidence/query.ts';
import { testContext } from '../helpers/context.ts';
import { FeedSite, FAST } from './scheduler-fixtures.ts';

const gbk = (s: string) => iconv.encode(s, 'gbk');

test('a GBK forum list page (html kind) and a sitemap are collected on schedule, each item with its own page as evidence', async () => {
  const ctx = await testContext();
  const site = await new FeedSite().start();
  try {
    const threads = [{ id: 't1', title: '县城西门菜市场排水沟堵塞，谁来管管？', author: '融水老乡', time: '2026-11-20 09:30', body: '下雨天污水漫到路面，已经一个多星期了。' }];
    site.routes.set('/forum/list.html', (_q, res) => {
      const rows = threads.map((t) => `<li class="thread"><a href="/forum/${t.id}.html">${t.title}</a><span class="author">${t.author}</span><span class="time">${t.time}</span></li>`).join('');
      res.writeHead(200, { 'content-type': 'text/html' }).end(gbk(`<html><head><meta charset="gbk"><title>融水论坛</title></head><body><ul>${rows}</ul></body></html>`));
    });
    site.routes.set('/sitemap.xml', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.base}/news/1.html</loc><lastmod>2026-11-20T08:00:00+08:00</lastmod></url></urlset>`);
    });
    site.routes.set('/news/1.html', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>县政府召开常务会议</title></head><body><h1 class="t">县政府召开常务会议</h1><div class="content"><p>会议研究部署了冬春农田水利建设工作。</p></div></body></html>');
    });
    for (const t of ['t1', 't2']) {
      site.routes.set(`/forum/${t}.html`, (_q, res) => {
        const th = threads.find((x) => x.id === t)!;
        res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(gbk(`<html><head><title>${th.title}</title></head><body><div id="post">${th.body}</div></body></html>`));
      });
    }
    const { source: forum } = await createSource(ctx, {
      name: '融水论坛', kind: 'html', url: `${site.base}/forum/list.html`, platform: 'forum', interval_s: 300, enabled: true, tags: [],
      settings: { list: { item: 'li.thread', link: 'a', title: 'a', author: 'span.author', time: 'span.time' }, article: { body: '#post' } },
    });
    const { source: sitemap } = await createSource(ctx, {
      name: '县政府网站', kind: 'sitemap', url: `${site.base}/sitemap.xml`, platform: 'news', interval_s: 300, enabled: true, tags: [],
      settings: { article: { title: 'h1.t', body: '.content' } },
    });
    const sched = new Scheduler(ctx, FAST);
    const r = await sched.runDue();
    assert.deepEqual({ checked: r.checked, failed: r.failed, added: r.added }, { checked: 2, failed: 0, added: 2 });
    const post = await ctx.store.db.selectFrom('items').selectAll().where('source_id', '=', forum.id).executeTakeFirstOrThrow();
    assert.equal(post.title, threads[0]!.title);
    assert.equal(post.author, '融水老乡');
    assert.equal(post.content, threads[0]!.body);
    assert.equal(post.platform, 'forum');
    assert.equal(Number(post.published_at), Date.UTC(2026, 10, 20, 1, 30), '09:30 in Asia/Shanghai');
    const news = await ctx.store.db.selectFrom('items').selectAll().where('source_id', '=', sitemap.id).executeTakeFirstOrThrow();
    assert.equal(news.title, '县政府召开常务会议');
    assert.equal(news.content, '会议研究部署了冬春农田水利建设工作。');

    // The forum item's evidence is its own thread page (GBK bytes as served).
    const caps = await listCaptures(ctx, { itemId: post.id });
    assert.equal(caps.length, 1);
    assert.equal(caps[0]!.url, `${site.base}/forum/t1.html`);

    // A new thread appears; the next scheduled check fetches only the new thread page.
    threads.unshift({ id: 't2', title: '建议在中寨路口增设红绿灯', author: '热心市民', time: '2026-11-20 10:05', body: '上下学时段车流大，存在安全隐患。' });
    ctx.clock.advance(6 * 60_000);
    const r2 = await sched.runDue();
    assert.equal(r2.added, 1);
    assert.equal(site.hitCount('/forum/t1.html'), 1, 'known thread page not fetched again');
    assert.equal(site.hitCount('/forum/t2.html'), 1);
    const st = await collectDb(ctx.store.db).selectFrom('source_state').selectAll().where('source_id', '=', forum.id).executeTakeFirstOrThrow();
    assert.equal(st.items_total, 2);
  } finally {
    await site.close();
    await ctx.cleanup();
  }
});
