import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { testContext } from '../helpers/context.ts';

test('ingest adds, reports duplicates by url and external id, and rejects bad fields by name', async () => {
  const ctx = await testContext();
  try {
    const first = await ingest(ctx, [
      { url: 'https://www.example.cn/a/1.html?utm_source=x', title: '融水县拆迁补偿', content: '居民反映补偿款未到位', published_at: '2026-11-19 10:00', platform: 'news', source: 'rsxw' },
      { external_id: 'w1', content: '城管局回应', source: 'weibo', published_at: 1763600000 },
      { title: 'x', content: 'y', color: 'red' },
      { title: '', content: '' },
      { content: 'z', published_at: '1900-01-01T00:00:00Z' },
    ]);
    assert.equal(first.added, 2);
    assert.equal(first.rejected, 3);
    assert.deepEqual(first.results.slice(2).map((r) => r.field), ['color', 'content', 'published_at']);
    const again = await ingest(ctx, [
      { url: 'http://example.cn/a/1.html', title: '融水县拆迁补偿', content: '居民反映补偿款未到位' },
      { external_id: 'w1', content: '城管局回应（修改）', source: 'weibo' },
    ]);
    assert.equal(again.added, 0);
    assert.deepEqual(again.results.map((r) => r.duplicate_by), ['url', 'external_id']);
    const row = await ctx.store.db.selectFrom('items').selectAll().where('id', '=', first.results[0]!.id!).executeTakeFirstOrThrow();
    assert.equal(row.published_at, Date.UTC(2026, 10, 19, 2, 0));
    assert.equal(row.canonical_url, 'https://example.cn/a/1.html');
  } finally {
    await ctx.cleanup();
  }
});

test('an item whose stage fails is rejected alone; the rest of the batch is stored', async () => {
  const ctx = await testContext();
  try {
    const failing = {
      name: 'fails-on-boom',
      store: async (_c: unknown, _t: unknown, item: { content: string }) => {
        if (item.content.includes('boom')) throw new Error('stage exploded');
      },
    };
    const r = await ingest(ctx, [{ content: '一' }, { content: 'boom' }, { content: '三' }], { stages: [failing] });
    assert.deepEqual(r.results.map((x) => x.status), ['added', 'rejected', 'added']);
    assert.match(r.results[1]!.reason!, /stage exploded/);
    const rows = await ctx.store.db.selectFrom('items').select('content').orderBy('id').execute();
    assert.deepEqual(rows.map((x) => x.content), ['一', '三']);
  } finally {
    await ctx.cleanup();
  }
});
