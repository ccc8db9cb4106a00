// Totals and pagination checked against a brute-force substring scan of a few hundred real Weibo posts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testContext, type TestContext } from '../helpers/context.ts';
import { allPages, find, ingestForSearch, weiboPosts, type Post } from './fixtures.ts';
import { normalise } from '../../src/text/normalise.ts';
import { isHan } from '../../src/text/normalise.ts';

let ctx: TestContext;
let posts: Post[];
let norms: Map<number, string>;

before(async () => {
  ctx = await testContext();
  posts = weiboPosts(400);
  const ids = await ingestForSearch(ctx, posts);
  norms = new Map(ids.map((id, k) => [id, normalise(`\n${posts[k]!.content.trim()}`)]));
});
after(() => ctx.cleanup());

/** Ids whose normalised text contains every `all` string and none of `none`. */
function brute(all: string[], none: string[] = []): number[] {
  const a = all.map(normalise);
  const n = none.map(normalise);
  return [...norms].filter(([, t]) => a.every((w) => t.includes(w)) && !n.some((w) => t.includes(w))).map(([id]) => id);
}

/** Deterministic sample of 1-4 character CJK substrings of the texts themselves. */
function sampledWords(): string[] {
  const words = new Set<string>(['拆迁', '城管', '医院', '警方', '谣言', '转发', '孩子', '微博', '中国', '北京', '记者', '派出所', '人民医院', '的', '了']);
  const all = [...norms.values()].join('');
  for (let i = 0; i < all.length && words.size < 120; i += 97) {
    const len = 1 + (i % 4);
    const w = all.slice(i, i + len);
    if ([...w].length === len && [...w].every((c) => isHan(c.charCodeAt(0)))) words.add(w);
  }
  return [...words];
}

test('every word query returns exactly the posts containing it (total and ids)', async () => {
  const words = sampledWords();
  assert.ok(words.length >= 100, `sampled ${words.length} words`);
  for (const w of words) {
    const want = brute([w]);
    const r = await find(ctx, { q: w, limit: 200 });
    assert.equal(r.total, want.length, `total for ${w}`);
    if (want.length <= 200) assert.deepEqual(r.items.map((i) => i.id).sort((x, y) => x - y), want, `ids for ${w}`);
  }
});

test('AND and NOT totals match the brute-force scan', async () => {
  const pairs: [string, string][] = [['医院', '孩子'], ['警方', '转发'], ['中国', '人'], ['谣言', '微博'], ['北京', '的']];
  for (const [a, b] of pairs) {
    assert.equal((await find(ctx, { q: `${a} ${b}` })).total, brute([a, b]).length, `${a} AND ${b}`);
    assert.equal((await find(ctx, { q: `${a} -${b}` })).total, brute([a], [b]).length, `${a} NOT ${b}`);
  }
});

test('a Traditional-character query finds the same posts as its Simplified form', async () => {
  for (const [trad, simp] of [['醫院', '医院'], ['轉發', '转发'], ['謠言', '谣言']] as const) {
    const t = await find(ctx, { q: trad });
    const s = await find(ctx, { q: simp });
    assert.equal(t.total, s.total);
    assert.ok(s.total > 0, simp);
  }
});

test('cursor pagination returns every match exactly once, in order', async () => {
  for (const q of ['的', '转发', '医院 | 警方']) {
    const want = new Set(q.includes('|') ? [...brute(['医院']), ...brute(['警方'])] : brute([q]));
    for (const order of ['newest', 'relevance'] as const) {
      const { items, totals, pages } = await allPages(ctx, { q, order, limit: 7 });
      const got = items.map((i) => i.id);
      assert.equal(new Set(got).size, got.length, `${q} ${order}: no item twice`);
      assert.deepEqual(new Set(got), want, `${q} ${order}: every match`);
      assert.ok(totals.every((t) => t === want.size));
      assert.equal(pages, Math.max(1, Math.ceil(want.size / 7)));
      if (order === 'newest') {
        for (let k = 1; k < items.length; k++) {
          const [p, c] = [items[k - 1]!, items[k]!];
          const ok = p.published_at > c.published_at || (p.published_at === c.published_at && p.id > c.id);
          assert.ok(ok, `${q}: ${p.id} before ${c.id}`);
        }
      }
    }
  }
});

test('time range filters count exactly, on hour boundaries and inside hours', async () => {
  const times = posts.map((p) => p.published_at * 1000).sort((a, b) => a - b);
  const cuts = [times[50]!, times[50]! + 1, times[200]! - 1, Date.UTC(2012, 5, 1), Date.UTC(2012, 5, 1, 8, 30)];
  for (const from of cuts) {
    for (const to of cuts) {
      if (to <= from) continue;
      const want = posts.filter((p) => p.published_at * 1000 >= from && p.published_at * 1000 <= to && normalise(p.content).includes('的')).length;
      const r = await find(ctx, { q: '的', from: new Date(from).toISOString(), to: new Date(to).toISOString() });
      assert.equal(r.total, want, `${new Date(from).toISOString()} .. ${new Date(to).toISOString()}`);
      const all = await find(ctx, { q: '', from: new Date(from).toISOString(), to: new Date(to).toISOString() });
      assert.equal(all.total, posts.filter((p) => p.published_at * 1000 >= from && p.published_at * 1000 <= to).length);
    }
  }
});
