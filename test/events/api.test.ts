import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/server/app.ts';
import { testContext } from '../helpers/context.ts';

// The test clock stands at 2026-11-20 10:00 Beijing time; the stories happen that morning.
const STORY_A = '融水县城管执法人员与流动摊贩发生冲突，有摊贩受伤，现场视频在网上流传，引发网友关注';
const STORY_A2 = '融水县城管局回应执法冲突视频：已成立调查组，涉事执法人员停职接受调查';
const STORY_B = '柳州市举办国际马拉松比赛，两万名选手参赛，赛事组织有序，沿途市民加油助威';

test('GET /api/events lists and filters; GET /api/events/:id gives series and forecast; merge and split', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  try {
    const post = await app.inject({
      method: 'POST', url: '/api/items', payload: [
        { external_id: 'r', content: STORY_A, source: 'weibo', platform: 'weibo', published_at: '2026-11-20 06:00', metrics: { reposts: 900, comments: 300 } },
        { external_id: 'c1', parent_external_id: 'r', content: '转发微博', source: 'weibo', platform: 'weibo', published_at: '2026-11-20 06:20' },
        { external_id: 'c2', parent_external_id: 'r', content: '', source: 'weibo', platform: 'weibo', published_at: '2026-11-20 07:10' },
        { url: 'https://news.example.cn/a2', title: '融水县回应城管执法冲突', content: STORY_A2, platform: 'news', published_at: '2026-11-20 09:00' },
        { url: 'https://news.example.cn/b', title: '柳州马拉松开跑', content: STORY_B, platform: 'news', published_at: '2026-11-20 08:00' },
      ],
    });
    assert.equal(post.json().added, 5);
    const ids: number[] = post.json().results.map((r: { id: number }) => r.id);

    const list = (await app.inject({ method: 'GET', url: '/api/events?order=heat' })).json();
    assert.equal(list.total, 2);
    const [a, b] = list.events;
    assert.equal(a.item_count, 4);
    assert.equal(a.first_item_id, ids[0]);
    assert.equal(a.first_source, 'weibo');
    assert.ok(a.heat > b.heat);
    assert.equal((await app.inject({ method: 'GET', url: `/api/events?q=${encodeURIComponent('马拉松')}` })).json().events[0].id, b.id);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events?order=recency&limit=1' })).json().events[0].id, a.id);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events?min_items=2' })).json().total, 1);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events?stage=dormant' })).json().total, 0);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events?to=2026-11-19T00:00:00Z' })).json().total, 0);

    const detail = (await app.inject({ method: 'GET', url: `/api/events/${a.id}` })).json();
    assert.equal(detail.items.count, 4);
    assert.equal(detail.items.latest.length, 4);
    assert.deepEqual(detail.platforms, { weibo: 3, news: 1 });
    assert.equal(detail.series.length, 5, 'hours 06..10 Beijing time');
    assert.equal(detail.series.reduce((s: number, p: { volume: number }) => s + p.volume, 0), 4);
    assert.equal(detail.forecast.hours.length, 24);
    assert.ok(['rising', 'peaking', 'fading'].includes(detail.forecast.trend));
    assert.ok(['上升', '高位', '回落'].includes(detail.forecast.trend_zh));
    for (const h of detail.forecast.hours) assert.ok(h.lower <= h.heat && h.heat <= h.upper && h.lower >= 0);

    const bad = await app.inject({ method: 'GET', url: '/api/events?stage=hot' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details.field, 'stage');
    assert.equal((await app.inject({ method: 'GET', url: '/api/events/999' })).statusCode, 404);
    const noInto = await app.inject({ method: 'POST', url: `/api/events/${b.id}/merge`, payload: {} });
    assert.equal(noInto.json().error.details.field, 'into');

    const split = await app.inject({ method: 'POST', url: `/api/events/${a.id}/split`, payload: { item_ids: [ids[3]] } });
    assert.equal(split.statusCode, 201);
    assert.equal(split.json().item_count, 1);
    const foreign = await app.inject({ method: 'POST', url: `/api/events/${a.id}/split`, payload: { item_ids: [ids[4]] } });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.json().error.message, /item_ids: not in event/);

    const merged = await app.inject({ method: 'POST', url: `/api/events/${b.id}/merge`, payload: { into: a.id } });
    assert.equal(merged.statusCode, 200);
    assert.equal(merged.json().item_count, 4);
    const redirected = (await app.inject({ method: 'GET', url: `/api/events/${b.id}` })).json();
    assert.equal(redirected.id, a.id);
    assert.equal(redirected.redirected_from, b.id);
    const again = await app.inject({ method: 'POST', url: `/api/events/${b.id}/merge`, payload: { into: a.id } });
    assert.equal(again.statusCode, 409);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});
