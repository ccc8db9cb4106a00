import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/server/app.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { testContext } from '../helpers/context.ts';

test('push sources: token shown once and stored hashed; good token ingests with the source, bad or missing token is refused', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  try {
    const created = await app.inject({ method: 'POST', url: '/api/sources', payload: { name: '网信办转报系统', kind: 'push', platform: 'message_board' } });
    assert.equal(created.statusCode, 201, created.body);
    const { id, push_token: token, key } = created.json() as { id: number; push_token: string; key: string };
    assert.match(token, /^yqp_[A-Za-z0-9_-]{40,}$/);
    const shown = await app.inject({ method: 'GET', url: `/api/sources/${id}` });
    assert.equal(shown.json().push_token, undefined);
    assert.equal(shown.json().has_push_token, true);
    const row = await collectDb(ctx.store.db).selectFrom('sources').select('push_token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.push_token_hash && !row.push_token_hash.includes(token));

    const items = [
      { external_id: 'm-1', title: '群众反映和睦镇自来水浑浊', content: '多日来自来水发黄，希望尽快处理。', author: '网友A', published_at: '2026-11-20 09:00' },
      { external_id: 'm-2', content: '县医院挂号排队时间过长', published_at: 1763600000 },
    ];
    const push = (auth: string | undefined, payload: unknown = items) =>
      app.inject({ method: 'POST', url: `/api/sources/${id}/push`, headers: auth ? { authorization: auth } : {}, payload: payload as object });

    assert.equal((await push(undefined)).statusCode, 401);
    const wrong = await push('Bearer yqp_wrong');
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'YQ_ERR_UNAUTHORIZED');
    assert.equal((await push(`Basic ${token}`)).statusCode, 401);

    const ok = await push(`Bearer ${token}`);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().added, 2);
    const again = await push(`Bearer ${token}`);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().duplicates, 2);
    const bad = await push(`Bearer ${token}`, [{ title: 'x', content: 'y', mood: 'angry' }]);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().results[0].field, 'mood');
    const broken = await app.inject({ method: 'POST', url: `/api/sources/${id}/push`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '[{"title":' });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, 'YQ_ERR_BAD_JSON');

    const stored = await ctx.store.db.selectFrom('items').selectAll().orderBy('id').execute();
    assert.deepEqual(stored.map((i) => [i.source_id, i.source_key, i.platform, i.external_id]), [[id, key, 'message_board', 'm-1'], [id, key, 'message_board', 'm-2']]);
    // The delivery itself is the evidence, linked to the items it brought.
    const caps = await app.inject({ method: 'GET', url: `/api/sources/${id}/captures?item_id=${stored[0]!.id}` });
    assert.equal(caps.json().captures.length, 1);
    assert.deepEqual(caps.json().captures[0].item_ids, [stored[0]!.id, stored[1]!.id]);
    const body = await app.inject({ method: 'GET', url: `/api/sources/${id}/captures/${caps.json().captures[0].id}` });
    assert.deepEqual(JSON.parse(body.body), items);
    const health = (await app.inject({ method: 'GET', url: `/api/sources/${id}/health` })).json();
    assert.equal(health.items_total, 2);
    assert.equal(health.items_today, 2);
    assert.ok(health.last_success_at);

    // Rotation: the old token stops working at once.
    const rotated = await app.inject({ method: 'PUT', url: `/api/sources/${id}`, payload: { rotate_push_token: true } });
    const newToken = rotated.json().push_token as string;
    assert.notEqual(newToken, token);
    assert.equal((await push(`Bearer ${token}`)).statusCode, 401);
    assert.equal((await push(`Bearer ${newToken}`, [{ external_id: 'm-3', content: '新留言' }])).statusCode, 201);
    await app.inject({ method: 'PUT', url: `/api/sources/${id}`, payload: { enabled: false } });
    assert.equal((await push(`Bearer ${newToken}`, [{ external_id: 'm-4', content: '停用后' }])).statusCode, 403);

    // Another source's id with this token: refused.
    const feed = await app.inject({ method: 'POST', url: '/api/sources', payload: { name: 'f', kind: 'feed', url: 'https://a.example.cn/rss' } });
    assert.equal((await app.inject({ method: 'POST', url: `/api/sources/${feed.json().id}/push`, headers: { authorization: `Bearer ${newToken}` }, payload: items })).statusCode, 401);
    assert.equal((await app.inject({ method: 'POST', url: '/api/sources/9999/push', headers: { authorization: `Bearer ${newToken}` }, payload: items })).statusCode, 401);
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});
