import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { find, ingestForSearch } from './fixtures.ts';
import { YqError } from '../../src/errors.ts';

const T0 = Date.UTC(2026, 10, 18, 2, 0, 0) / 1000;

const ITEMS = [
  { external_id: 'a', title: '融水县拆迁户反映补偿款未到位', content: '居民称城管局执法人员已介入。<script>alert(1)</script>', published_at: T0 },
  { external_id: 'b', title: '城管执法', content: '古镇拆遷工作今日啟動，網友熱議。', published_at: T0 + 60 },
  { external_id: 'c', title: '', content: '城管，局长表示将尽快回应', published_at: T0 + 120 },
  { external_id: 'd', title: '天气', content: '今天天气很好，iPhone 15 发布，5G网络覆盖全县。', published_at: T0 + 180 },
  { external_id: 'e', title: '警方通报', content: '警方 通报了一起交通事故', published_at: T0 + 240 },
];

async function withItems(fn: (ctx: Awaited<ReturnType<typeof testContext>>, ids: number[]) => Promise<void>): Promise<void> {
  const ctx = await testContext();
  try {
    await fn(ctx, await ingestForSearch(ctx, ITEMS));
  } finally {
    await ctx.cleanup();
  }
}

const ids = (r: { items: { external_id: string | null }[] }) => r.items.map((i) => i.external_id).sort().join(',');

test('two-character words are found inside longer words and never across punctuation', () =>
  withItems(async (ctx) => {
    const cases: [string, string][] = [
      ['拆迁', 'a,b'], // 拆迁户 (inside a longer word) and 拆遷 (Traditional in the text)
      ['城管', 'a,b,c'], // 城管局, 城管执法, 城管，局长
      ['城管局', 'a'], // not 城管，局长: a bigram phrase cannot cross the comma
      ['管局', 'a'],
      ['局', 'a,c'], // one character: 城管局 (middle of a run) and 局长 (start)
      ['拆遷', 'a,b'], // a Traditional query finds both spellings
      ['网友', 'b'], // 網友 in the text
      ['iphone', 'd'],
      ['5g', 'd'],
      ['网络', 'd'],
      ['县', 'a,d'],
    ];
    for (const [q, want] of cases) {
      const r = await find(ctx, { q });
      assert.equal(ids(r), want, q);
      assert.equal(r.total, want.split(',').length, q);
    }
  }));

test('phrases, AND, OR, NOT and parentheses', () =>
  withItems(async (ctx) => {
    const cases: [string, string][] = [
      ['拆迁 城管', 'a,b'],
      ['拆迁 AND 补偿', 'a'],
      ['拆迁 | 天气', 'a,b,d'],
      ['城管 -拆迁', 'c'],
      ['城管 NOT (拆迁 | 回应)', ''],
      ['(城管 | 天气) -局长', 'a,b,d'],
      ['"城管执法"', 'b'],
      ['"城管 执法"', 'b'], // a space between CJK: written together or apart, never 城管局执法
      ['"警方 通报"', 'e'], // matches both 警方通报 and 警方 通报
      ['"交通事故"', 'e'],
      ['"局长 表示"', 'c'],
    ];
    for (const [q, want] of cases) {
      const r = await find(ctx, { q });
      assert.equal(ids(r), want, q);
    }
  }));

test('highlights mark matches in the original text and escape the rest', () =>
  withItems(async (ctx) => {
    const [a] = (await find(ctx, { q: '拆迁 | 城管局' })).items.filter((i) => i.external_id === 'a');
    assert.ok(a);
    assert.equal(a.highlights.title, '融水县<em>拆迁</em>户反映补偿款未到位');
    assert.equal(a.highlights.content, '居民称<em>城管局</em>执法人员已介入。&lt;script&gt;alert(1)&lt;/script&gt;');
    const [b] = (await find(ctx, { q: '拆迁 网友' })).items;
    assert.equal(b?.highlights.content, '古镇<em>拆遷</em>工作今日啟動，<em>網友</em>熱議。');
    const [d] = (await find(ctx, { q: '-拆迁 iphone' })).items;
    assert.equal(d?.highlights.content, '今天天气很好，<em>iPhone</em> 15 发布，5G网络覆盖全县。');
    // Negated terms are not marked.
    assert.ok(!d?.highlights.content.includes('<em>拆迁'));
  }));

test('results are newest first; an empty query lists everything', () =>
  withItems(async (ctx, itemIds) => {
    const r = await find(ctx, { q: '' });
    assert.equal(r.total, ITEMS.length);
    assert.deepEqual(r.items.map((i) => i.id), [...itemIds].reverse());
    assert.equal(r.items[0]?.similar_count, 0);
    assert.equal(r.items[0]?.similar_group_id, null);
  }));

test('relevance order ranks a title hit above a body hit', () =>
  withItems(async (ctx) => {
    const r = await find(ctx, { q: '城管', order: 'relevance' });
    assert.equal(r.items[0]?.external_id, 'b');
    assert.equal(r.total, 3);
  }));

test('bad cursors are rejected', () =>
  withItems(async (ctx) => {
    const page = await find(ctx, { q: '城管', limit: 1 });
    assert.ok(page.next_cursor);
    for (const cursor of ['nope!', 'eyJ2IjoxfQ', Buffer.from('{"v":1,"o":"newest","p":"x","i":1}').toString('base64url')]) {
      await assert.rejects(find(ctx, { q: '城管', cursor }), (e: unknown) => e instanceof YqError && e.code === 'YQ_ERR_BAD_CURSOR');
    }
    // A newest-order cursor cannot continue a relevance listing, nor another query or filter.
    await assert.rejects(find(ctx, { q: '城管', order: 'relevance', cursor: page.next_cursor }), /belongs to newest order/);
    await assert.rejects(find(ctx, { q: '拆迁', cursor: page.next_cursor }), /another query or other filters/);
    await assert.rejects(find(ctx, { q: '城管', platform: 'news', cursor: page.next_cursor }), /another query or other filters/);
    // The page size may change between pages.
    assert.equal((await find(ctx, { q: '城管', limit: 5, cursor: page.next_cursor })).items.length, 2);
  }));
