// GET /api/search through the whole app (items posted to /api/items run every registered ingest
// stage), and `yuqing search` as a real process on the same data folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testContext, type TestContext } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let ctx: TestContext;
let app: FastifyInstance;

before(async () => {
  ctx = await testContext();
  app = await buildServer(ctx);
  const res = await app.inject({
    method: 'POST',
    url: '/api/items',
    payload: [
      { url: 'https://news.example.cn/1', title: '融水县拆迁户反映补偿款未到位', content: '居民称城管局已介入调查。', platform: 'news', source: 'rsxw', published_at: '2026-11-19 09:00' },
      { url: 'https://news.example.cn/2', title: '城管执法', content: '古镇拆遷工作今日啟動。', platform: 'news', source: 'rsxw', published_at: '2026-11-19 10:00' },
      { url: 'https://weibo.example.cn/3', content: '今天天气很好，适合出门。', platform: 'weibo', source: 'weibo', published_at: '2026-11-19 11:00' },
    ],
  });
  assert.equal(res.statusCode, 201, res.body);
});
after(async () => {
  await app.close();
  await ctx.cleanup();
});

test('GET /api/search returns total, items with highlights and similar_count, and a cursor', async () => {
  const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('拆迁')}&limit=1` });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { total: number; items: Record<string, unknown>[]; next_cursor: string | null };
  assert.equal(body.total, 2);
  assert.equal(body.items.length, 1);
  const it = body.items[0]!;
  assert.equal(it.title, '城管执法');
  assert.deepEqual(it.highlights, { title: '城管执法', content: '古镇<em>拆遷</em>工作今日啟動。' });
  assert.equal(it.similar_count, 0);
  for (const k of ['id', 'url', 'content', 'platform', 'published_at', 'source', 'metrics', 'similar_group_id']) assert.ok(k in it, k);
  assert.ok(body.next_cursor);
  const next = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('拆迁')}&limit=1&cursor=${body.next_cursor}` });
  const page2 = next.json() as { items: { title: string }[]; next_cursor: string | null };
  assert.equal(page2.items[0]?.title, '融水县拆迁户反映补偿款未到位');
  assert.equal(page2.next_cursor, null);
});

test('GET /api/search filters and orders from the query string', async () => {
  const q = (s: string) => app.inject({ method: 'GET', url: `/api/search?${s}` });
  assert.equal((await q(`q=${encodeURIComponent('城管')}&platform=news&source=rsxw&order=relevance`)).json().total, 2);
  assert.equal((await q(`platform=weibo`)).json().total, 1);
  assert.equal((await q(`q=${encodeURIComponent('拆迁')}&from=2026-11-19T09:30:00%2B08:00&to=2026-11-19`)).json().total, 1);
  assert.equal((await q(`q=${encodeURIComponent('拆迁')}&collapse=similar`)).json().total, 2);
});

test('GET /api/search answers 400 with the position of a syntax error and the field of a bad parameter', async () => {
  const syntax = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('(拆迁 | 城管')}` });
  assert.equal(syntax.statusCode, 400);
  const e = syntax.json() as { error: { code: string; message: string; details: { position: number; expected: string } } };
  assert.equal(e.error.code, 'YQ_ERR_QUERY_SYNTAX');
  assert.equal(e.error.details.position, 9); // just past the end
  assert.match(e.error.details.expected, /'\)'/);
  const cursor = await app.inject({ method: 'GET', url: '/api/search?q=x&cursor=garbage' });
  assert.equal(cursor.statusCode, 400);
  assert.equal(cursor.json().error.code, 'YQ_ERR_BAD_CURSOR');
  const field = await app.inject({ method: 'GET', url: '/api/search?q=x&limit=abc' });
  assert.equal(field.statusCode, 400);
  assert.equal(field.json().error.details.field, 'limit');
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['bin/yuqing.mjs', 'search', ...args], {
    cwd: ROOT,
    env: { ...process.env, YUQING_DATA: ctx.dataDir, YUQING_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

test('yuqing search prints JSON with --json and a table otherwise', () => {
  const json = cli('拆迁', '--json', '--limit', '5');
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout) as { total: number; items: { highlights: { title: string } }[] };
  assert.deepEqual(Object.keys(out).slice(0, 2), ['total', 'items']);
  assert.equal(out.total, 2);
  assert.equal(out.items[1]?.highlights.title, '融水县<em>拆迁</em>户反映补偿款未到位');

  const table = cli('城管', '--platform', 'news');
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /共 2 条/);
  assert.match(table.stdout, /融水县拆迁户反映补偿款未到位/);
});
