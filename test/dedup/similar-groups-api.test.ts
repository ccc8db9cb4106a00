// GET /api/similar-groups/:id over a real loopback server: size, 转载数, first publisher, members in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/server/app.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { similarStage } from '../../src/dedup/stage.ts';
import { loadDedupCorpus } from '../../src/dedup/eval-corpus.ts';
import { testContext } from '../helpers/context.ts';

test('GET /api/similar-groups/:id lists the group in publication order; bad ids and params are 4xx', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  try {
    const text = loadDedupCorpus({ posts: 3362, headlines: 0 }).posts.find((t) => t.includes('博帕尔'))!;
    const r = await ingest(
      ctx,
      [
        { external_id: 'a', source: 'forum', author: '转帖人', content: `【转载】${text}`, published_at: '2026-11-20T10:00:00+08:00' },
        { external_id: 'b', source: 'weibo', author: '原作者', content: text, published_at: '2026-11-20T08:00:00+08:00' },
        { external_id: 'c', source: 'news', author: null, content: `${text}\n来源：人民网`, published_at: '2026-11-20T09:00:00+08:00' },
      ],
      { stages: [similarStage] },
    );
    const ids = r.results.map((x) => x.id!);
    const row = await ctx.store.db.selectFrom('items').select('similar_group_id').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/similar-groups/${row.similar_group_id}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      size: number;
      reposts: number;
      first_item_id: number;
      first: { id: number; author: string; source: string; published_at: string };
      members: { id: number }[];
    };
    assert.equal(body.size, 3);
    assert.equal(body.reposts, 2);
    assert.equal(body.first_item_id, ids[1]);
    assert.equal(body.first.author, '原作者');
    assert.equal(body.first.source, 'weibo');
    assert.equal(body.first.published_at, '2026-11-20T00:00:00.000Z');
    assert.deepEqual(body.members.map((m) => m.id), [ids[1], ids[2], ids[0]]);
    const page = (await (await fetch(`${address}/api/similar-groups/${row.similar_group_id}?limit=1&offset=1`)).json()) as { members: { id: number }[] };
    assert.deepEqual(page.members.map((m) => m.id), [ids[2]]);
    assert.equal((await fetch(`${address}/api/similar-groups/999999`)).status, 404);
    assert.equal((await fetch(`${address}/api/similar-groups/abc`)).status, 400);
    const bad = await fetch(`${address}/api/similar-groups/${row.similar_group_id}?limit=0`);
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /limit/);
    assert.equal((await fetch(`${address}/api/similar-groups/${row.similar_group_id}?color=red`)).status, 400);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});
