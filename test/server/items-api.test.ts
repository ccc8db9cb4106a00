import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/server/app.ts';
import { testContext } from '../helpers/context.ts';

test('POST /api/items is idempotent and names bad fields; oversized and malformed bodies are refused', async () => {
  const ctx = await testContext({ maxBodyBytes: 64 * 1024 });
  const app = await buildServer(ctx);
  try {
    const items = [{ url: 'https://news.example.cn/1', title: '融水县召开会议', content: '会议部署安全生产工作', platform: 'news' }];
    const a = await app.inject({ method: 'POST', url: '/api/items', payload: items });
    assert.equal(a.statusCode, 201);
    assert.equal(a.json().added, 1);
    const b = await app.inject({ method: 'POST', url: '/api/items', payload: items });
    assert.equal(b.statusCode, 200);
    assert.equal(b.json().results[0].status, 'duplicate');
    const c = await app.inject({ method: 'POST', url: '/api/items', payload: [{ title: 1 }] });
    assert.equal(c.statusCode, 400);
    assert.equal(c.json().results[0].field, 'title');
    const big = await app.inject({ method: 'POST', url: '/api/items', headers: { 'content-type': 'application/json' }, payload: JSON.stringify([{ content: 'x'.repeat(100_000) }]) });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().error.code, 'YQ_ERR_BODY_TOO_LARGE');
    const bad = await app.inject({ method: 'POST', url: '/api/items', headers: { 'content-type': 'application/json' }, payload: '[{"title":' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'YQ_ERR_BAD_JSON');
    const got = await app.inject({ method: 'GET', url: `/api/items/${a.json().results[0].id}` });
    assert.equal(got.json().title, '融水县召开会议');
    assert.ok(['negative', 'neutral', 'positive'].includes(got.json().sentiment.label));
    assert.ok(Array.isArray(got.json().keywords) && Array.isArray(got.json().topics));
    assert.equal((await app.inject({ method: 'GET', url: '/api/items/99999' })).statusCode, 404);
    const count = await ctx.store.db.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});
