import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { cli } from '../helpers/cli.ts';
import { TestClock, testContext } from '../helpers/context.ts';

test('yuqing topic and variant commands', async () => {
  // The CLI runs on wall time, so the stored items are dated from it too.
  const now = Date.now();
  const ctx = await testContext({}, new TestClock(now));
  try {
    const day = 86_400_000;
    const stored = await ingest(ctx, [
      { external_id: '1', content: '融水县强拆引发关注', published_at: (now - 2 * day) / 1000 },
      { external_id: '2', content: '三江县新闻', published_at: (now - 2 * day) / 1000 },
    ], { stages: [] });
    assert.equal(stored.added, 2);

    let r = await cli(ctx.dataDir, 'variant', 'add', '--term', '强拆', '--variant', 'qc', '--kind', 'pinyin');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).variant, 'qc');

    r = await cli(ctx.dataDir, 'topic', 'add', '--name', '融水拆迁', '--expr', '（融水｜融水县）＋（拆迁｜强拆');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /YQ_ERR_TOPIC_SYNTAX.*position 16: expected '\)' to close '\(' at position 10/);
    assert.match(r.stderr, /\n\s+\^\n/);

    r = await cli(ctx.dataDir, 'topic', 'add', '--name', '融水拆迁', '--expr', '(融水|融水县)+(拆迁|强拆)-招聘');
    assert.equal(r.code, 0, r.stderr);
    const topic = JSON.parse(r.stdout) as { id: number; name: string };

    r = await cli(ctx.dataDir, 'topic', 'backfill', '融水拆迁', '--days', '7');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { topic_id: topic.id, scanned: 2, matched: 1, added: 1, removed: 0 });

    r = await cli(ctx.dataDir, 'topic', 'test', '--expr', '融水+强拆', '--text', '融水又qc了');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).matched, true);

    r = await cli(ctx.dataDir, 'topic', 'edit', String(topic.id), '--disable', '--description', '县城');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).enabled, false);

    r = await cli(ctx.dataDir, 'topic', 'list');
    assert.equal(r.stdout, `${topic.id}\toff\t融水拆迁\t(融水|融水县)+(拆迁|强拆)-招聘\n`);

    r = await cli(ctx.dataDir, 'topic', 'delete', '融水拆迁');
    assert.equal(r.code, 0, r.stderr);
    r = await cli(ctx.dataDir, 'topic', 'show', '融水拆迁');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /YQ_ERR_NOT_FOUND/);
  } finally {
    await ctx.cleanup();
  }
});
