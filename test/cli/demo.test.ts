import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createContext, closeContext } from '../../src/app-context.ts';

const BIN = new URL('../../bin/yuqing.mjs', import.meta.url).pathname;

function yuqing(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, YUQING_DATA: dataDir, YUQING_LOG_LEVEL: 'warn' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('yuqing demo loads the scenario once; a second run adds nothing', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-demo-'));
  try {
    const first = yuqing(dataDir, 'demo');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /5 sources, 4 topics, \d+ items added \(0 already there, 0 rejected\)/);
    const second = yuqing(dataDir, 'demo');
    assert.match(second.stdout, / 0 items added/);
    const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
    try {
      const incident = await ctx.store.db.selectFrom('items').select(['title', 'parent_external_id']).where('external_id', '=', 'demo-i4').executeTakeFirstOrThrow();
      assert.equal(incident.parent_external_id, 'demo-i2');
      const hits = await ctx.store.db.selectFrom('item_topics').innerJoin('topics', 'topics.id', 'item_topics.topic_id')
        .innerJoin('items', 'items.id', 'item_topics.item_id')
        .select(['topics.name', 'items.external_id']).execute();
      const of = (name: string) => new Set(hits.filter((h) => h.name === name).map((h) => h.external_id));
      assert.ok(of('安澜拆迁').has('demo-i1'), 'the incident post matches the demolition topic');
      assert.ok(!of('安澜拆迁').has('demo-n2'), 'the citrus festival does not');
      assert.ok(of('安澜政府回应').has('demo-i5'), '安澜县zf matches 政府 through the variant');
    } finally {
      await closeContext(ctx);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('yuqing import prints a summary with line numbers of rejected lines', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-import-'));
  try {
    const file = path.join(dataDir, 'in.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ content: '一条正常的帖子' })}\nnot json\n${JSON.stringify({ content: 'x', published_at: 'yesterday' })}\n`);
    const r = yuqing(dataDir, 'import', file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /added 1, duplicates 0, rejected 2 \(of 3 lines\)/);
    assert.match(r.stdout, /line 2: malformed JSON/);
    assert.match(r.stdout, /line 3 \[published_at\]: expected ISO 8601 or epoch seconds/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
