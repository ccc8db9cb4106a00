import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { allPages, find, ingestForSearch } from './fixtures.ts';

const H = Date.UTC(2026, 10, 18, 2, 0, 0) / 1000;

test('newest-first is exact inside an hour whatever order the items arrived in', async () => {
  const ctx = await testContext();
  try {
    // Same hour, stored in reverse time order; two items share a second; one in the hour before.
    const items = [
      { external_id: '1', content: '拆迁 公告 一', published_at: H + 3000 },
      { external_id: '2', content: '拆迁 公告 二', published_at: H + 2000 },
      { external_id: '3', content: '拆迁 公告 三', published_at: H + 2000 },
      { external_id: '4', content: '拆迁 公告 四', published_at: H + 10 },
      { external_id: '5', content: '拆迁 公告 五', published_at: H - 5 },
      { external_id: '6', content: '拆迁 公告 六', published_at: H + 3599 },
    ];
    await ingestForSearch(ctx, items);
    const want = ['6', '1', '3', '2', '4', '5'];
    for (const q of ['拆迁', '']) {
      for (const limit of [1, 2, 4, 20]) {
        const { items: got } = await allPages(ctx, { q, limit });
        assert.deepEqual(got.map((i) => i.external_id), want, `q=${q} limit=${limit}`);
      }
    }
  } finally {
    await ctx.cleanup();
  }
});

test('collapse=similar shows each similar-group once, as its first item, with the repost count', async () => {
  const ctx = await testContext();
  try {
    const ids = await ingestForSearch(ctx, [
      { external_id: 'orig', title: '融水拆迁补偿公告', content: '补偿标准公布', published_at: H },
      { external_id: 'r1', title: '转：融水拆迁补偿公告', content: '补偿标准公布', published_at: H + 600 },
      { external_id: 'r2', title: '【转载】融水拆迁补偿公告', content: '补偿标准公布', published_at: H + 1200 },
      { external_id: 'solo', title: '城管执法', content: '拆迁现场', published_at: H + 1800 },
      { external_id: 'other', title: '天气', content: '晴', published_at: H + 2400 },
    ]);
    const [orig, r1, r2] = ids as [number, number, number];
    const db = ctx.store.db;
    const g = await db.insertInto('similar_groups').values({ first_item_id: orig, size: 3, updated_at: 0 }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('items').set({ similar_group_id: g.id }).where('id', 'in', [orig, r1, r2]).execute();

    const plain = await find(ctx, { q: '拆迁' });
    assert.equal(plain.total, 4);
    assert.deepEqual(plain.items.map((i) => [i.external_id, i.similar_count, i.similar_group_id]), [
      ['solo', 0, null], ['r2', 2, g.id], ['r1', 2, g.id], ['orig', 2, g.id],
    ]);

    const collapsed = await find(ctx, { q: '拆迁', collapse: 'similar' });
    assert.equal(collapsed.total, 2);
    assert.deepEqual(collapsed.items.map((i) => [i.external_id, i.similar_count]), [['solo', 0], ['orig', 2]]);

    // The group shows even when only a repost matches, and pagination walks groups.
    const onlyRepost = await find(ctx, { q: '转载', collapse: 'similar' });
    assert.deepEqual(onlyRepost.items.map((i) => i.external_id), ['orig']);
    for (const order of ['newest', 'relevance']) {
      const paged = await allPages(ctx, { q: '拆迁 | 天气', collapse: 'similar', limit: 1, order });
      assert.deepEqual(new Set(paged.items.map((i) => i.external_id)), new Set(['other', 'solo', 'orig']), order);
      assert.equal(paged.items.length, 3);
      assert.ok(paged.totals.every((t) => t === 3));
    }
  } finally {
    await ctx.cleanup();
  }
});
