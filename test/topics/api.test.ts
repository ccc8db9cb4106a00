import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { errorHandler } from '../../src/server/error-handler.ts';
import topicsRoutes from '../../src/server/routes/topics.ts';
import variantsRoutes from '../../src/server/routes/variants.ts';
import type { AppContext } from '../../src/context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { topicsStage } from '../../src/topics/stage.ts';
import { testContext } from '../helpers/context.ts';

// Only the two route modules under test, behind the app's real error handler, so this file does not
// depend on every other resource's routes loading.
async function buildServer(ctx: AppContext) {
  const app = Fastify();
  app.setErrorHandler(errorHandler);
  await app.register(topicsRoutes, { prefix: '/api', ctx });
  await app.register(variantsRoutes, { prefix: '/api', ctx });
  return app;
}

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };

test('topics API: CRUD, validation with positions, test, items, backfill', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as Json };
  };
  try {
    let r = await call('POST', '/api/topics', { name: '融水拆迁', expression: '(融水|融水县)+(拆迁|强拆' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.code, 'YQ_ERR_TOPIC_SYNTAX');
    assert.match(r.body.error!.message, /position 16: expected '\)' to close '\(' at position 10/);
    assert.equal(r.body.error?.details?.position, 16);

    r = await call('POST', '/api/topics', { name: '融水拆迁', expression: '(融水|融水县)+(拆迁|强拆)-招聘', colour: 'red' });
    assert.equal(r.status, 400);
    assert.match(r.body.error!.message, /colour/);
    r = await call('POST', '/api/topics', { name: '', expression: '拆迁' });
    assert.equal(r.status, 400);
    assert.match(r.body.error!.message, /name/);

    r = await call('POST', '/api/topics', { name: '融水拆迁', expression: '(融水|融水县)+(拆迁|强拆)-招聘', description: '县城拆迁' });
    assert.equal(r.status, 201);
    const id = r.body.id as number;
    assert.equal(r.body.enabled, true);
    assert.equal((await call('POST', '/api/topics', { name: '融水拆迁', expression: '拆迁' })).status, 409);

    r = await call('GET', '/api/topics');
    assert.deepEqual((r.body.topics as { name: string }[]).map((t) => t.name), ['融水拆迁']);
    r = await call('GET', `/api/topics/${id}`);
    assert.equal(r.body.description, '县城拆迁');
    assert.equal((await call('GET', '/api/topics/999')).status, 404);
    assert.equal((await call('GET', '/api/topics/abc')).status, 400);

    r = await call('PUT', `/api/topics/${id}`, { expression: '融水+' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.details?.position, 4);
    r = await call('PUT', `/api/topics/${id}`, { expression: '(融水|融水县)+(拆迁|强拆|补偿)-招聘' });
    assert.equal(r.status, 200);
    assert.equal(r.body.expression, '(融水|融水县)+(拆迁|强拆|补偿)-招聘');

    r = await call('POST', '/api/topics/test', { expression: '政府+拆迁', text: '拆迁的事ZF不管' });
    assert.equal(r.body.matched, true);
    assert.deepEqual((r.body.hits as { term: string; found: string }[]).map((h) => [h.term, h.found]).sort(), [['拆迁', '拆迁'], ['政府', 'zf']]);
    r = await call('POST', '/api/topics/test', { expression: '政府+拆迁', text: 'zfs 拆迁' });
    assert.equal(r.body.matched, false);
    r = await call('POST', '/api/topics/test', { expression: '"融水 拆迁"~', text: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.details?.position, 9);

    // Items stored before the topic existed are found by backfill; items ingested later by the stage.
    const day = 86_400_000;
    const old = await ingest(ctx, [
      { external_id: 'o1', content: '融水县拆迁补偿', published_at: (ctx.clock.now() - 3 * day) / 1000 },
      { external_id: 'o2', content: '融水县强拆', published_at: (ctx.clock.now() - 60 * day) / 1000 },
    ], { stages: [] });
    r = await call('POST', `/api/topics/${id}/backfill`, { days: 30 });
    assert.deepEqual(r.body, { topic_id: id, scanned: 1, matched: 1, added: 1, removed: 0 });
    await ingest(ctx, [1, 2, 3].map((n) => ({ external_id: `n${n}`, content: `融水拆迁第${n}条`, published_at: (ctx.clock.now() - n * 1000) / 1000 })), { stages: [topicsStage] });

    r = await call('GET', `/api/topics/${id}/items?limit=2`);
    assert.equal(r.body.total, 4);
    assert.deepEqual((r.body.items as { external_id: string }[]).map((i) => i.external_id), ['n1', 'n2']);
    r = await call('GET', `/api/topics/${id}/items?limit=2&cursor=${String(r.body.next_cursor)}`);
    assert.deepEqual((r.body.items as { external_id: string }[]).map((i) => i.external_id), ['n3', 'o1']);
    assert.equal(r.body.next_cursor, null);
    assert.equal((await call('GET', `/api/topics/${id}/items?cursor=bogus`)).status, 400);

    // Narrowing the topic and backfilling removes matches that no longer hold (within the window).
    await call('PUT', `/api/topics/${id}`, { expression: '融水+补偿' });
    r = await call('POST', `/api/topics/${id}/backfill`, {});
    assert.deepEqual(r.body, { topic_id: id, scanned: 4, matched: 1, added: 0, removed: 3 });
    assert.ok(old.added === 2);

    assert.equal((await call('DELETE', `/api/topics/${id}`)).status, 204);
    assert.equal((await call('GET', `/api/topics/${id}`)).status, 404);
    const left = await ctx.store.db.selectFrom('item_topics').selectAll().execute();
    assert.equal(left.length, 0);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});

test('variants API: list seed, add (normalised), conflict, update, delete', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as Json };
  };
  try {
    let r = await call('GET', `/api/variants?term=${encodeURIComponent('政府')}`);
    assert.ok((r.body.variants as { variant: string }[]).some((v) => v.variant === 'zf'));
    r = await call('POST', '/api/variants', { term: '強拆', variant: 'QC', kind: 'pinyin' });
    assert.equal(r.status, 201);
    assert.deepEqual([r.body.term, r.body.variant, r.body.kind], ['强拆', 'qc', 'pinyin']);
    const id = r.body.id as number;
    assert.equal((await call('POST', '/api/variants', { term: '强拆', variant: 'qc' })).status, 409);
    assert.equal((await call('POST', '/api/variants', { term: '强拆', variant: '强拆' })).status, 400);
    r = await call('POST', '/api/variants', { term: '强拆', variant: 'x', kind: 'nonsense' });
    assert.equal(r.status, 400);
    assert.match(r.body.error!.message, /kind/);

    r = await call('POST', '/api/topics/test', { expression: '强拆', text: '又qc了' });
    assert.equal(r.body.matched, true);
    r = await call('PUT', `/api/variants/${id}`, { variant: 'qiangchai' });
    assert.equal(r.body.variant, 'qiangchai');
    assert.equal((await call('DELETE', `/api/variants/${id}`)).status, 204);
    assert.equal((await call('DELETE', `/api/variants/${id}`)).status, 404);
    r = await call('POST', '/api/topics/test', { expression: '强拆', text: '又qiangchai了' });
    assert.equal(r.body.matched, false);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});
