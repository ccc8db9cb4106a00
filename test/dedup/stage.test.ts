// The 'similar' ingest stage through ingest(): real reposts share a group, unrelated real posts do not,
// the group's first item stays the earliest published, short texts group only on exact repeats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { STAGES } from '../../src/ingest/stages.ts';
import { similarStage } from '../../src/dedup/stage.ts';
import { similarGroupOf, groupMembers, groupSummaries } from '../../src/dedup/groups.ts';
import { loadDedupCorpus, comparableShingles, jaccard, prng } from '../../src/dedup/eval-corpus.ts';
import { makeVariant, VARIANT_KINDS } from '../../src/dedup/variants.ts';
import { testContext, type TestContext } from '../helpers/context.ts';

const stages = [similarStage];
const posts = loadDedupCorpus({ posts: 3362, headlines: 0 }).posts;
const HOUR_S = 3600;
const T0 = 1_763_600_000;

async function groupsOf(ctx: TestContext, ids: number[]): Promise<(number | null)[]> {
  const rows = await ctx.store.db.selectFrom('items').select(['id', 'similar_group_id']).where('id', 'in', ids).execute();
  const m = new Map(rows.map((r) => [r.id, r.similar_group_id]));
  return ids.map((id) => m.get(id) ?? null);
}

test('similar stage runs first in the registered pipeline', () => {
  assert.equal(STAGES[0]?.name, 'similar');
});

test('real reposts of one Weibo post (new headlines, an edited word) join one group with the original first', async () => {
  const ctx = await testContext();
  try {
    const family = posts.filter((t) => t.includes('全国政协委员王平建向党中央建议'));
    assert.ok(family.length >= 5, `found ${family.length} reposts`);
    // Newest first, so every later arrival is older than what is stored.
    const items = family.map((content, i) => ({ external_id: `w${i}`, source: 'weibo', content, published_at: T0 - i * HOUR_S }));
    const r = await ingest(ctx, items, { stages });
    const ids = r.results.map((x) => x.id!);
    const groups = await groupsOf(ctx, ids);
    assert.ok(groups[0] !== null);
    assert.deepEqual(new Set(groups), new Set([groups[0]]), `groups: ${groups.join(',')}`);
    const g = await similarGroupOf(ctx.store.db, ids[0]!);
    assert.equal(g?.size, family.length);
    assert.equal(g?.firstItemId, ids[ids.length - 1], 'the earliest published repost is the first publisher');
    const members = await groupMembers(ctx.store.db, g!.id);
    assert.deepEqual(members.map((m) => m.id), [...ids].reverse());
    assert.equal(members[0]!.source, 'weibo');
  } finally {
    await ctx.cleanup();
  }
});

test('each kind of repost variant of real posts lands in its original group', async () => {
  const ctx = await testContext();
  try {
    const rand = prng(11);
    const bases = posts.filter((t) => t.length >= 120).slice(0, 40);
    const items = bases.flatMap((content, i) => [
      { external_id: `o${i}`, content, published_at: T0 + i * HOUR_S },
      // Exact-content reposts (tag, source line, punctuation) must always group; the others usually do.
      { external_id: `v${i}`, content: makeVariant(VARIANT_KINDS[i % 3]!, content, rand, ['融水县召开会议']), published_at: T0 + i * HOUR_S + 60 },
      { external_id: `h${i}`, content: makeVariant('headline', content, rand, ['融水县召开会议', '突发事件通报']), published_at: T0 + i * HOUR_S + 120 },
    ]);
    const r = await ingest(ctx, items, { stages });
    const groups = await groupsOf(ctx, r.results.map((x) => x.id!));
    for (let i = 0; i < bases.length; i++) {
      const [o, v, h] = groups.slice(i * 3, i * 3 + 3);
      assert.ok(o !== null && o === v, `${VARIANT_KINDS[i % 3]} variant of post ${i} not grouped`);
      assert.equal(h, o, `headline variant of post ${i} not grouped`);
    }
  } finally {
    await ctx.cleanup();
  }
});

test('unrelated real posts are not grouped', async () => {
  const ctx = await testContext();
  try {
    const sample = posts.filter((t) => t.length >= 60).slice(0, 600);
    const sets = comparableShingles(sample);
    // Keep only posts clearly different from every post kept before (trigram Jaccard < 0.2).
    const kept: number[] = [];
    sample.forEach((_, i) => sets[i] && kept.every((j) => jaccard(sets[i]!, sets[j]!) < 0.2) && kept.push(i));
    assert.ok(kept.length > 400);
    const items = kept.map((i, k) => ({ external_id: `u${k}`, content: sample[i]!, published_at: T0 + k * 60 }));
    const r = await ingest(ctx, items, { stages });
    assert.equal(r.added, kept.length);
    const grouped = await ctx.store.db.selectFrom('items').select('id').where('similar_group_id', 'is not', null).execute();
    assert.equal(grouped.length, 0);
  } finally {
    await ctx.cleanup();
  }
});

test('an earlier original arriving after its reposts becomes the first publisher', async () => {
  const ctx = await testContext();
  try {
    const text = posts.find((t) => t.includes('花露水属易燃品'))!;
    const a = await ingest(ctx, [{ external_id: 'r1', source: 'forum', author: '网友甲', content: `【转载】${text}`, published_at: T0 }], { stages });
    const b = await ingest(ctx, [{ external_id: 'r2', source: 'news', author: '网友乙', content: `${text}\n转自：今日头条`, published_at: T0 + HOUR_S }], { stages });
    const gid = (await similarGroupOf(ctx.store.db, a.results[0]!.id!))!.id;
    assert.equal((await similarGroupOf(ctx.store.db, b.results[0]!.id!))?.id, gid);
    const c = await ingest(ctx, [{ external_id: 'o', source: 'weibo', author: '原作者', content: text, published_at: T0 - 5 * HOUR_S }], { stages });
    const g = await similarGroupOf(ctx.store.db, c.results[0]!.id!);
    assert.equal(g?.id, gid);
    assert.equal(g?.size, 3);
    assert.equal(g?.firstItemId, c.results[0]!.id);
    const summary = (await groupSummaries(ctx.store.db, [gid])).get(gid);
    assert.equal(summary?.first.author, '原作者');
    assert.equal(summary?.first.source, 'weibo');
    const later = await ingest(ctx, [{ external_id: 'r3', content: `${text}！`, published_at: T0 + 2 * HOUR_S }], { stages });
    assert.equal((await similarGroupOf(ctx.store.db, later.results[0]!.id!))?.firstItemId, c.results[0]!.id);
  } finally {
    await ctx.cleanup();
  }
});

test('short texts group only on exact repeats; outside the time window nothing groups', async () => {
  const ctx = await testContext();
  try {
    const day = 86_400;
    const r = await ingest(
      ctx,
      [
        { external_id: 's1', title: '融水县城管局回应摊贩占道问题', published_at: T0 },
        { external_id: 's2', title: '【转载】融水县城管局回应摊贩占道问题！', published_at: T0 + 60 },
        { external_id: 's3', title: '融水县城管局回应摊贩占道经营', published_at: T0 + 120 },
        { external_id: 's4', content: '转发微博', published_at: T0 },
        { external_id: 's5', content: '转发微博', published_at: T0 + 1 },
        { external_id: 'l1', content: posts[100]!, published_at: T0 },
        { external_id: 'l2', content: posts[100]!, published_at: T0 + 40 * day },
      ],
      { stages },
    );
    const g = await groupsOf(ctx, r.results.map((x) => x.id!));
    assert.ok(g[0] !== null && g[0] === g[1], 'exact repeat of a headline');
    assert.equal(g[2], null, 'a different short headline');
    assert.deepEqual(g.slice(3), [null, null, null, null]);
    const simhash = await ctx.store.db.selectFrom('items').select('simhash').where('id', '=', r.results[5]!.id!).executeTakeFirstOrThrow();
    assert.match(simhash.simhash ?? '', /^[0-9a-f]{16}$/);
  } finally {
    await ctx.cleanup();
  }
});
