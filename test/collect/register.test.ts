import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/server/app.ts';
import { testContext } from '../helpers/context.ts';
import { FeedSite } from './scheduler-fixtures.ts';

test('source register over the API: create, validate (unknown field named), list, edit, health, delete', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  try {
    const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/sources', payload: payload as object });
    const full = {
      name: '融水县人民政府网', kind: 'html', url: 'https://www.rongshui.gov.cn/xwzx/', platform: 'news', region: '450225',
      owner_org: '县政府办公室', contact_person: '张三', contact_phone: '0772-5112345', interval_s: 900, tags: ['政务', '属地'],
      timezone: 'Asia/Shanghai', settings: { list: { item: 'ul.news li', link: 'a', time: 'span.date' }, article: { body: '#zoom' } },
    };
    const unknown = await post({ ...full, colour: 'red' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, 'YQ_ERR_VALIDATION');
    assert.match(unknown.json().error.message, /colour/);
    assert.equal(unknown.json().error.details.field, 'colour');
    const noUrl = await post({ name: 'x', kind: 'feed' });
    assert.equal(noUrl.statusCode, 400);
    assert.equal(noUrl.json().error.details.field, 'url');
    const badKind = await post({ name: 'x', kind: 'ftp', url: 'https://a.cn/' });
    assert.equal(badKind.json().error.details.field, 'kind');
    const badInterval = await post({ ...full, interval_s: 5 });
    assert.equal(badInterval.json().error.details.field, 'interval_s');
    const badTz = await post({ ...full, timezone: 'Mars/Olympus' });
    assert.equal(badTz.json().error.details.field, 'timezone');
    const badUrl = await post({ ...full, url: 'ftp://a.cn/x' });
    assert.equal(badUrl.json().error.details.field, 'url');
    const badSettings = await post({ ...full, settings: { list: { item: 'li', colour: 'red' } } });
    assert.equal(badSettings.statusCode, 400);
    assert.equal(badSettings.json().error.details.field, 'settings.list.colour');

    const created = await post(full);
    assert.equal(created.statusCode, 201, created.body);
    const s = created.json();
    assert.equal(s.key, 'rongshui-gov-cn');
    assert.deepEqual(
      [s.region, s.owner_org, s.contact_person, s.contact_phone, s.interval_s, s.tags, s.enabled, s.has_push_token, s.push_token],
      ['450225', '县政府办公室', '张三', '0772-5112345', 900, ['政务', '属地'], true, false, undefined],
    );
    const second = await post({ name: '同站另一栏目', kind: 'feed', url: 'https://rongshui.gov.cn/rss.xml' });
    assert.equal(second.json().key, 'rongshui-gov-cn-2');
    const dupKey = await post({ name: 'dup', kind: 'feed', url: 'https://x.cn/rss', key: 'rongshui-gov-cn' });
    assert.equal(dupKey.statusCode, 409);

    const list = await app.inject({ method: 'GET', url: '/api/sources?kind=html' });
    assert.deepEqual(list.json().sources.map((x: { id: number }) => x.id), [s.id]);
    assert.equal(list.json().sources[0].healthy, true);
    const byTag = await app.inject({ method: 'GET', url: '/api/sources?tag=%E6%94%BF%E5%8A%A1' });
    assert.equal(byTag.json().sources.length, 1);
    assert.equal((await app.inject({ method: 'GET', url: '/api/sources?color=1' })).statusCode, 400);

    const put = await app.inject({ method: 'PUT', url: `/api/sources/${s.id}`, payload: { contact_person: '李四', enabled: false, interval_s: 1800 } });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual([put.json().contact_person, put.json().enabled, put.json().interval_s, put.json().name], ['李四', false, 1800, full.name]);
    const putBad = await app.inject({ method: 'PUT', url: `/api/sources/${s.id}`, payload: { owner: 'x' } });
    assert.equal(putBad.statusCode, 400);
    assert.match(putBad.json().error.message, /owner/);
    const clearUrl = await app.inject({ method: 'PUT', url: `/api/sources/${s.id}`, payload: { url: null } });
    assert.equal(clearUrl.statusCode, 400);

    const health = await app.inject({ method: 'GET', url: `/api/sources/${s.id}/health` });
    assert.equal(health.statusCode, 200);
    assert.equal(health.json().healthy, true);
    assert.equal(health.json().consecutive_failures, 0);
    assert.equal(health.json().last_success_at, null);

    assert.equal((await app.inject({ method: 'DELETE', url: `/api/sources/${s.id}` })).statusCode, 204);
    assert.equal((await app.inject({ method: 'GET', url: `/api/sources/${s.id}` })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/api/sources/abc' })).statusCode, 400);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});

test('POST /api/sources/:id/test previews a saved source without storing; captures list what produced items', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  const site = await new FeedSite().start();
  try {
    site.add({ guid: 'v1', title: '融水县发布寒潮预警', description: '请注意防寒保暖。', author: '县气象局', published: ctx.clock.now() - 60_000 });
    const s = (await app.inject({ method: 'POST', url: '/api/sources', payload: { name: '气象', kind: 'feed', url: `${site.base}/feed.xml` } })).json();
    const r = await app.inject({ method: 'POST', url: `/api/sources/${s.id}/test` });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().charset.toLowerCase(), 'utf-8');
    assert.deepEqual(r.json().items.map((i: { title: string; author: string; source: string; id: null }) => [i.title, i.author, i.source, i.id]), [['融水县发布寒潮预警', '县气象局', s.key, null]]);
    assert.equal((await ctx.store.db.selectFrom('items').select('id').execute()).length, 0);
    const caps = await app.inject({ method: 'GET', url: `/api/sources/${s.id}/captures` });
    assert.deepEqual(caps.json().captures, []);
    const push = (await app.inject({ method: 'POST', url: '/api/sources', payload: { name: 'p', kind: 'push' } })).json();
    assert.equal((await app.inject({ method: 'POST', url: `/api/sources/${push.id}/test` })).statusCode, 400);
  } finally {
    await site.close();
    await app.close();
    await ctx.cleanup();
  }
});
