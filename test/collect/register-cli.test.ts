import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openStore } from '../../src/store/db.ts';
import { FeedSite } from './scheduler-fixtures.ts';

const run = promisify(execFile);
const MAIN = path.resolve(import.meta.dirname, '../../src/cli/main.ts');

test('CLI: source add/list/edit/disable/show/test and key-period add, with `source test` storing nothing', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-cli-'));
  const site = await new FeedSite().start();
  const env = { ...process.env, YUQING_DATA: dataDir, YUQING_ALLOW_PRIVATE_NETWORKS: '1', YUQING_LOG_LEVEL: 'silent' };
  const yq = async (...args: string[]) => (await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { env })).stdout;
  try {
    site.add({ guid: 'c1', title: '融水县召开防汛工作会议', description: '会议要求各乡镇做好汛期值班。', author: '县应急局', published: Date.now() - 3600_000 });
    site.add({ guid: 'c2', title: '香粉乡开展森林防火宣传', description: '发放宣传资料两千份。', author: '香粉乡', published: Date.now() - 600_000 });
    const url = `${site.base}/feed.xml`;

    const preview = JSON.parse(await yq('source', 'test', '--url', url, '--kind', 'feed', '--json')) as { charset: string; items: { title: string; author: string; content: string; published_at: string; id: null }[] };
    assert.equal(preview.charset.toLowerCase(), 'utf-8');
    assert.deepEqual(preview.items.map((i) => i.title), ['香粉乡开展森林防火宣传', '融水县召开防汛工作会议']);
    assert.equal(preview.items[1]!.author, '县应急局');
    assert.equal(preview.items[1]!.content, '会议要求各乡镇做好汛期值班。');
    assert.match(preview.items[0]!.published_at, /^\d{4}-\d{2}-\d{2}T/);

    const added = JSON.parse(await yq('source', 'add', '--name', '融水新闻', '--kind', 'feed', '--url', url, '--region', '融水县', '--owner-org', '县委宣传部', '--contact-person', '张三', '--contact-phone', '0772-5112345', '--interval', '300', '--tags', '新闻,属地', '--json')) as { id: number; key: string; tags: string[] };
    assert.deepEqual(added.tags, ['新闻', '属地']);
    const edited = JSON.parse(await yq('source', 'edit', String(added.id), '--interval', '1200', '--contact-person', '王五')) as { interval_s: number; contact_person: string };
    assert.deepEqual([edited.interval_s, edited.contact_person], [1200, '王五']);
    const human = await yq('source', 'test', String(added.id));
    assert.match(human, /charset: utf-8/i);
    assert.match(human, /融水县召开防汛工作会议/);
    assert.match(human, /author: 县应急局/);
    await yq('source', 'disable', String(added.id));
    assert.match(await yq('source', 'list'), /\toff\t1200s\t融水新闻/);
    const kp = JSON.parse(await yq('key-period', 'add', '--name', '汛期', '--start', '2026-12-01 08:00', '--end', '2026-12-03 18:00', '--interval', '120', '--sources', String(added.id))) as { starts_at: string; source_ids: number[] };
    assert.equal(kp.starts_at, '2026-12-01T00:00:00.000Z');
    assert.deepEqual(kp.source_ids, [added.id]);

    await assert.rejects(yq('source', 'add', '--name', 'x', '--kind', 'gopher', '--url', url), /kind/);

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
