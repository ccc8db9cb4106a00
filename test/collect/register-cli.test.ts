import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { register as registerSource } from '../../src/cli/commands/source.ts';
import { register as registerKeyPeriod } from '../../src/cli/commands/key-period.ts';
import { openStore } from '../../src/store/db.ts';
import { FeedSite } from './scheduler-fixtures.ts';

const MAIN = path.resolve(import.meta.dirname, '../../src/cli/main.ts');

/** Run the real command modules in this process (a spawned CLI loads every command: seconds each). */
async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command('yuqing').exitOverride();
  registerSource(program);
  registerKeyPeriod(program);
  let out = '';
  let err = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((c: string | Uint8Array) => ((out += c.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => ((err += c.toString()), true)) as typeof process.stderr.write;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

test('CLI: source add/list/edit/disable/show/test and key-period add, with `source test` storing nothing', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-cli-'));
  const site = await new FeedSite().start();
  Object.assign(process.env, { YUQING_DATA: dataDir, YUQING_ALLOW_PRIVATE_NETWORKS: '1', YUQING_LOG_LEVEL: 'silent' });
  try {
    site.add({ guid: 'c1', title: '融水县召开防汛工作会议', description: '会议要求各乡镇做好汛期值班。', author: '县应急局', published: Date.now() - 3600_000 });
    site.add({ guid: 'c2', title: '香粉乡开展森林防火宣传', description: '发放宣传资料两千份。', author: '香粉乡', published: Date.now() - 600_000 });
    const url = `${site.base}/feed.xml`;

    // Once through the real entry point: the autoloaded CLI, JSON on stdout.
    const spawned = await promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, 'source', 'test', '--url', url, '--kind', 'feed', '--json'], { env: process.env });
    const preview = JSON.parse(spawned.stdout) as { charset: string; items: { title: string; author: string; content: string; published_at: string; id: null }[] };
    assert.equal(preview.charset.toLowerCase(), 'utf-8');
    assert.deepEqual(preview.items.map((i) => i.title), ['香粉乡开展森林防火宣传', '融水县召开防汛工作会议']);
    assert.equal(preview.items[1]!.author, '县应急局');
    assert.equal(preview.items[1]!.content, '会议要求各乡镇做好汛期值班。');
    assert.match(preview.items[0]!.published_at, /^\d{4}-\d{2}-\d{2}T/);

    const added = JSON.parse((await cli('source', 'add', '--name', '融水新闻', '--kind', 'feed', '--url', url, '--region', '融水县', '--owner-org', '县委宣传部', '--contact-person', '张三', '--contact-phone', '0772-5112345', '--interval', '300', '--tags', '新闻,属地', '--json')).out) as { id: number; tags: string[]; owner_org: string };
    assert.deepEqual([added.tags, added.owner_org], [['新闻', '属地'], '县委宣传部']);
    const edited = JSON.parse((await cli('source', 'edit', String(added.id), '--interval', '1200', '--contact-person', '王五')).out) as { interval_s: number; contact_person: string };
    assert.deepEqual([edited.interval_s, edited.contact_person], [1200, '王五']);
    const human = (await cli('source', 'test', String(added.id))).out;
    assert.match(human, /charset: utf-8/i);
    assert.match(human, /融水县召开防汛工作会议/);
    assert.match(human, /author: 县应急局/);
    await cli('source', 'disable', String(added.id));
    assert.match((await cli('source', 'list')).out, /\toff\t1200s\t融水新闻/);
    const shown = JSON.parse((await cli('source', 'show', String(added.id))).out) as { health: { healthy: boolean; consecutive_failures: number } };
    assert.deepEqual([shown.health.healthy, shown.health.consecutive_failures], [true, 0]);
    const kp = JSON.parse((await cli('key-period', 'add', '--name', '汛期', '--start', '2026-12-01 08:00', '--end', '2026-12-03 18:00', '--interval', '120', '--sources', String(added.id))).out) as { starts_at: string; source_ids: number[] };
    assert.equal(kp.starts_at, '2026-12-01T00:00:00.000Z');
    assert.deepEqual(kp.source_ids, [added.id]);
    assert.match((await cli('key-period', 'list')).out, /汛期/);

    const bad = await cli('source', 'add', '--name', 'x', '--kind', 'gopher', '--url', url);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /YQ_ERR_VALIDATION.*kind/);

    const store = await openStore({ dataDir });
    try {
      assert.equal((await store.db.selectFrom('items').select('id').execute()).length, 0, 'source test stores nothing');
    } finally {
      await store.close();
    }
  } finally {
    await site.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
