// The json_api source kind: field mapping with dot paths and templates, page and cursor pagination, POST.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectOnce } from '../../src/collect/collect-once.ts';
import { parseCount, getPath } from '../../src/collect/sources/json_api/paths.ts';
import { YqError } from '../../src/errors.ts';
import { loopbackFetch } from './helpers/fixtures.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const now = Date.UTC(2024, 1, 2, 4, 0, 0);
const tz = 'Asia/Shanghai';

const PAGES: Record<string, unknown[]> = {
  '1': [
    { id: 9001, text: '<p>县城中路晚上施工太吵了</p><p>@县住建局 请管一管</p>', created_at: 1706772600, user: { id: 77, name: '安陲小李' }, counts: { like: '1.2万', repost: 35, comment: '1,024' } },
    { id: 9002, text: '遇龙河的水变清了，点赞', created_at: '2024-02-01 15:30', user: { id: 78, name: '河边住户' }, counts: { like: 8 }, reply_to: 9001 },
  ],
  '2': [{ id: 9003, text: '转发微博', created_at: 'Thu Feb 01 10:00:00 +0800 2024', user: { id: 79, name: '路人甲' }, counts: {}, reply_to: 9001 }],
  '3': [],
};

describe('json_api source', () => {
  let srv: TestServer;
  const bodies: string[] = [];
  before(async () => {
    srv = await startServer({
      '/api/posts': (req, res) => {
        const page = new URL(req.url ?? '', 'http://x').searchParams.get('page') ?? '1';
        if (req.headers.authorization !== 'Bearer t0ken') return res.writeHead(401).end();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ code: 0, data: { list: PAGES[page] ?? [] } }));
      },
      '/api/search': (req, res) => {
        let b = '';
        req.on('data', (c: Buffer) => (b += c.toString()));
        req.on('end', () => {
          bodies.push(b);
          const cursor = (JSON.parse(b) as { cursor?: string }).cursor;
          const result = cursor === 'c2' ? { items: PAGES['2'], next: '' } : { items: PAGES['1'], next: 'c2' };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result }));
        });
      },
      '/api/html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'),
      '/api/shape': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":403,"msg":"forbidden"}'),
    });
  });
  after(() => srv.close());

  const fields = {
    external_id: 'id', content: 'text', published_at: 'created_at', author: 'user.name', url: '/u/{user.id}/{id}',
    parent_external_id: 'reply_to', 'metrics.likes': 'counts.like', 'metrics.reposts': 'counts.repost', 'metrics.comments': 'counts.comment',
  };

  test('maps fields across numbered pages until an empty page', async () => {
    const r = await collectOnce(
      {
        kind: 'json_api', url: `${srv.url}/api/posts?type=latest`, platform: 'weibo',
        settings: { items: 'data.list', fields, headers: { authorization: 'Bearer t0ken' }, pagination: { param: 'page', pages: 5 } },
      },
      { fetch: loopbackFetch(), tz, now },
    );
    assert.equal(r.charset, 'utf-8');
    assert.deepEqual(r.errors, []);
    assert.equal(r.captures.length, 3, 'pages 1, 2 and the empty page 3');
    assert.deepEqual(r.items[0], {
      external_id: '9001', url: `${srv.url}/u/77/9001`, content: '县城中路晚上施工太吵了\n@县住建局 请管一管', author: '安陲小李',
      published_at: '2024-02-01T07:30:00.000Z', metrics: { reposts: 35, comments: 1024, likes: 12000 }, platform: 'weibo',
    });
    assert.equal(r.items[1]!.published_at, '2024-02-01T07:30:00.000Z');
    assert.equal(r.items[1]!.parent_external_id, '9001');
    assert.equal(r.items[2]!.published_at, '2024-02-01T02:00:00.000Z', 'Weibo created_at format');
    assert.deepEqual(r.itemCaptures, [0, 0, 1]);
  });

  test('POST with a cursor taken from each response', async () => {
    const r = await collectOnce(
      { kind: 'json_api', url: `${srv.url}/api/search`, settings: { items: 'result.items', fields, method: 'POST', body: { q: '安陲' }, pagination: { param: 'cursor', cursor: 'result.next', pages: 5 } } },
      { fetch: loopbackFetch(), tz, now },
    );
    assert.deepEqual(r.items.map((i) => i.external_id), ['9001', '9002', '9003']);
    assert.deepEqual(bodies.map((b) => JSON.parse(b) as unknown), [{ q: '安陲' }, { q: '安陲', cursor: 'c2' }]);
  });

  test('a response that is not JSON, or has no array at the items path, says so', async () => {
    const run = (path: string) => collectOnce({ kind: 'json_api', url: `${srv.url}${path}`, settings: { items: 'data.list', fields } }, { fetch: loopbackFetch(), tz, now });
    await assert.rejects(run('/api/html'), (e: unknown) => e instanceof YqError && /response is not JSON/.test(e.message));
    await assert.rejects(run('/api/shape'), (e: unknown) => e instanceof YqError && /items path "data\.list" is not an array \(top-level keys: code, msg\)/.test(e.message));
    await assert.rejects(run('/api/posts'), (e: unknown) => e instanceof YqError && e.code === 'YQ_ERR_FETCH_FAILED' && /HTTP 401/.test(e.message));
  });

  test('counts and paths', () => {
    const table: [unknown, number | undefined][] = [[12, 12], ['1,234', 1234], ['1.2万', 12000], ['10万+', 100000], ['3千', 3000], ['1.5亿', 150000000], ['n/a', undefined], [-1, undefined]];
    for (const [v, want] of table) assert.equal(parseCount(v), want, String(v));
    assert.equal(getPath({ a: { b: [{ c: 1 }, { c: 2 }] } }, 'a.b[1].c'), 2);
    assert.equal(getPath({ a: { b: [{ c: 1 }] } }, 'a.b.0.c'), 1);
    assert.deepEqual(getPath([1, 2], ''), [1, 2]);
  });
});
