import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importFile } from '../../src/ingest/import/import-file.ts';
import { testContext } from '../helpers/context.ts';

test('JSONL import reports malformed and invalid lines by number and keeps the good ones', async () => {
  const ctx = await testContext();
  try {
    const file = path.join(ctx.dataDir, 'in.jsonl');
    fs.writeFileSync(file, [
      JSON.stringify({ external_id: '1', source: 's', title: '县城管局回应', content: '关于占道经营整治的说明' }),
      '{"external_id": "2", "title": ',
      '',
      JSON.stringify({ external_id: '3', source: 's', content: 'ok', metrics: { likes: -1 } }),
      JSON.stringify({ external_id: '4', source: 's', content: '第四条', published_at: '2026-11-19T08:00:00+08:00' }),
      JSON.stringify({ external_id: '1', source: 's', title: '重复', content: '重复' }),
    ].join('\n'));
    const r = await importFile(ctx, file);
    assert.equal(r.added, 2);
    assert.equal(r.duplicates, 1);
    assert.equal(r.rejected, 2);
    assert.deepEqual(r.rejections.map((x) => x.line), [2, 4]);
    assert.match(r.rejections[0]!.reason, /malformed JSON/);
    assert.equal(r.rejections[1]!.field, 'metrics.likes');
  } finally {
    await ctx.cleanup();
  }
});

test('CSV import maps columns and metrics, and refuses an unknown column by name', async () => {
  const ctx = await testContext();
  try {
    const good = path.join(ctx.dataDir, 'in.csv');
    fs.writeFileSync(good, '\uFEFFexternal_id,title,content,platform,published_at,likes,source\n' +
      'a1,"标题,含逗号",正文一,forum,1763600000,12,bbs\n' +
      'a2,标题二,,weibo,2026-11-19 10:00,3,bbs\n' +
      'a3,,,weibo,,,bbs\n');
    const r = await importFile(ctx, good);
    assert.equal(r.added, 2);
    assert.equal(r.rejected, 1);
    assert.equal(r.rejections[0]!.field, 'content');
    const row = await ctx.store.db.selectFrom('items').selectAll().where('external_id', '=', 'a1').executeTakeFirstOrThrow();
    assert.equal(row.title, '标题,含逗号');
    assert.deepEqual(JSON.parse(row.metrics_json), { likes: 12 });
    const bad = path.join(ctx.dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'title,colour\nx,red\n');
    await assert.rejects(importFile(ctx, bad), /unknown CSV column\(s\): colour/);
  } finally {
    await ctx.cleanup();
  }
});
