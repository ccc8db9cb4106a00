import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { WARCParser } from 'warcio';
import { Command } from 'commander';
import { register as registerExport } from '../../src/cli/commands/export.ts';
import { Scheduler } from '../../src/collect/scheduler/scheduler.ts';
import { createSource } from '../../src/collect/register/repo.ts';
import { collectDb } from '../../src/collect/register/tables.ts';
import { eventCaptures, sourceCaptures } from '../../src/collect/evidence/query.ts';
import { writeWarc } from '../../src/collect/evidence/warc.ts';
import { receivePush } from '../../src/collect/register/push.ts';
import { testContext } from '../helpers/context.ts';
import { FeedSite, FAST } from './scheduler-fixtures.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function readWarc(file: string) {
  const out: { type: string | undefined; uri: string | null | undefined; digest: string | null | undefined; status: number | undefined; headers: Headers | undefined; payload: Buffer; captureId: string | null | undefined }[] = [];
  const parser = new WARCParser(fs.createReadStream(file));
  for await (const rec of parser) {
    const payload = Buffer.from(await rec.readFully(false));
    out.push({
      type: rec.warcType, uri: rec.warcTargetURI, digest: rec.warcHeader('WARC-Payload-Digest'),
      status: rec.httpHeaders?.statusCode === undefined ? undefined : Number(rec.httpHeaders.statusCode),
      headers: rec.httpHeaders?.headers as Headers | undefined, payload, captureId: rec.warcHeader('WARC-Yuqing-Capture-Id'),
    });
  }
  return out;
}

test('captures export as a WARC 1.1 file that warcio reads back with matching payload digests (plain and gzip)', async () => {
  const ctx = await testContext();
  const site = await new FeedSite().start();
  try {
    const t0 = ctx.clock.now();
    site.add({ guid: 'w1', title: '融水县召开新闻发布会', description: '通报近期重点工作。', author: '县委宣传部', published: t0 - 60_000 });
    const { source } = await createSource(ctx, { name: '融水新闻', kind: 'feed', url: `${site.base}/feed.xml`, platform: 'news', interval_s: 600, enabled: true, tags: [], settings: {} });
    const sched = new Scheduler(ctx, FAST);
    await sched.runDue();
    site.add({ guid: 'w2', title: '融水县开展消防演练', description: '提升应急处置能力。', author: '县消防救援大队', published: t0 + 60_000 });
    ctx.clock.advance(11 * 60_000);
    await sched.runDue();
    const db = collectDb(ctx.store.db);
    const caps = await db.selectFrom('captures').selectAll().where('source_id', '=', source.id).orderBy('id').execute();
    assert.equal(caps.length, 2, 'one capture per check that brought new items');

    for (const name of ['out.warc', 'out.warc.gz']) {
      const file = path.join(ctx.dataDir, name);
      const n = await writeWarc(ctx, sourceCaptures(ctx, source.id), file, { filename: name, gzip: name.endsWith('.gz'), description: `source ${source.key}` });
      assert.equal(n, 2);
      if (name.endsWith('.gz')) assert.deepEqual([...fs.readFileSync(file).subarray(0, 2)], [0x1f, 0x8b]);
      else assert.match(fs.readFileSync(file, 'latin1').slice(0, 9), /^WARC\/1\.1/);
      const recs = await readWarc(file);
      assert.deepEqual(recs.map((r) => r.type), ['warcinfo', 'response', 'response']);
      assert.match(recs[0]!.payload.toString(), /software: Yuqing/);
      for (const [i, c] of caps.entries()) {
        const r = recs[i + 1]!;
        assert.equal(r.uri, `${site.base}/feed.xml`);
        assert.equal(r.status, 200);
        assert.equal(r.headers?.get('content-type'), 'application/rss+xml; charset=utf-8');
        assert.equal(r.headers?.get('x-test'), 'yes');
        assert.equal(r.captureId, String(c.id));
        assert.equal(sha256(r.payload), c.sha256, 'payload is the captured body');
        assert.equal(r.digest, `sha256:${c.sha256}`);
      }
      assert.match(recs[2]!.payload.toString('utf8'), /融水县开展消防演练/);
      assert.doesNotMatch(recs[1]!.payload.toString('utf8'), /融水县开展消防演练/, 'the first capture is the feed as it was then');
    }

    // The same through `yuqing export warc --source ID` (the command module, run in this process).
    Object.assign(process.env, { YUQING_DATA: ctx.dataDir, YUQING_LOG_LEVEL: 'silent' });
    const program = new Command('yuqing').exitOverride();
    registerExport(program);
    const cliFile = path.join(ctx.dataDir, 'cli.warc.gz');
    const [stdout, stderr] = [process.stdout.write, process.stderr.write];
    let printed = '';
    process.stdout.write = ((c: string) => ((printed += c), true)) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await program.parseAsync(['export', 'warc', '--source', String(source.id), '--out', cliFile], { from: 'user' });
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    assert.equal(printed.trim(), cliFile);
    assert.deepEqual((await readWarc(cliFile)).map((r) => r.captureId ?? r.type), ['warcinfo', ...caps.map((c) => String(c.id))]);

    // An event's evidence: the captures behind its items.
    const firstItem = await ctx.store.db.selectFrom('items').select('id').where('external_id', '=', 'w1').executeTakeFirstOrThrow();
    const edb = ctx.store.db.withTables<{ event_items: { item_id: number; event_id: number } }>();
    const { event_id: eventId } = await edb.selectFrom('event_items').select('event_id').where('item_id', '=', firstItem.id).executeTakeFirstOrThrow();
    const eventItems = (await edb.selectFrom('event_items').select('item_id').where('event_id', '=', eventId).execute()).map((r) => r.item_id);
    const expected = [...new Set((await db.selectFrom('item_captures').select('capture_id').where('item_id', 'in', eventItems).execute()).map((r) => String(r.capture_id)))].sort();
    const efile = path.join(ctx.dataDir, 'event.warc');
    await writeWarc(ctx, eventCaptures(ctx, eventId), efile, { filename: 'event.warc', gzip: false, description: `event ${eventId}` });
    const erecs = await readWarc(efile);
    assert.ok(expected.length >= 1);
    assert.deepEqual(erecs.slice(1).map((r) => r.captureId).sort(), expected);

    // A push delivery is kept as a resource record.
    const { source: push } = await createSource(ctx, { name: 'partner', kind: 'push', platform: 'other', interval_s: 600, enabled: true, tags: [], settings: {} });
    const raw = Buffer.from(JSON.stringify([{ external_id: 'p1', content: '推送内容' }]));
    await receivePush(ctx, push, JSON.parse(raw.toString()) as unknown[], raw, 'application/json');
    const pfile = path.join(ctx.dataDir, 'push.warc');
    await writeWarc(ctx, sourceCaptures(ctx, push.id), pfile, { filename: 'push.warc', gzip: false, description: 'push' });
    const precs = await readWarc(pfile);
    assert.deepEqual(precs.map((r) => r.type), ['warcinfo', 'resource']);
    assert.equal(precs[1]!.uri, `urn:yuqing:push:${push.key}`);
    assert.deepEqual(precs[1]!.payload, raw);
    assert.equal(precs[1]!.digest, `sha256:${sha256(raw)}`);
  } finally {
    await site.close();
    await ctx.cleanup();
  }
});
