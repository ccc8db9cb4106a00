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

test('batch writers: one flush per batch; after a failure each item is flushed in its own savepoint', async () => {
  const ctx = await testContext();
  try {
    await ctx.store.db.schema.createTable('batch_probe').addColumn('item_id', 'integer').addColumn('flushes', 'integer').execute();
    let opened = 0;
    // Buffers the ids it sees and writes them at flush; fails on 'boom' in store() or on 'late' at flush.
    const buffered = {
      name: 'buffered',
      openBatch(_c: unknown, trx: import('kysely').Kysely<any>) {
        opened++;
        const pending: { id: number; content: string }[] = [];
        let flushes = 0;
        return {
          async store(item: { id: number; content: string }) {
            if (item.content.includes('boom')) throw new Error('store exploded');
            pending.push({ id: item.id, content: item.content });
          },
          async flush() {
            flushes++;
            if (pending.some((p) => p.content.includes('late'))) throw new Error('flush exploded');
            for (const p of pending.splice(0)) await trx.insertInto('batch_probe').values({ item_id: p.id, flushes }).execute();
          },
        };
      },
    };
    const ok = await ingest(ctx, [{ content: '一' }, { content: '二' }], { stages: [buffered as never] });
    assert.equal(ok.added, 2);
    assert.equal(opened, 1, 'one writer for the whole batch');
    const mixed = await ingest(ctx, [{ content: '三' }, { content: 'boom' }, { content: 'late' }, { content: '四' }], { stages: [buffered as never] });
    assert.deepEqual(mixed.results.map((x) => x.status), ['added', 'rejected', 'rejected', 'added']);
    assert.match(mixed.results[2]!.reason!, /flush exploded/);
    const items = await ctx.store.db.selectFrom('items').select(['id', 'content']).orderBy('id').execute();
    assert.deepEqual(items.map((x) => x.content), ['一', '二', '三', '四']);
    const probe = await ctx.store.db.selectFrom('batch_probe' as never).select(['item_id' as never]).orderBy('item_id' as never).execute();
    assert.deepEqual(probe.map((p) => (p as { item_id: number }).item_id), items.map((x) => x.id), 'every stored item flushed once, nothing of the rejected ones');
  } finally {
    await ctx.cleanup();
  }
});
