import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { eventsStage } from '../../src/events/stage.ts';
import { eventDb } from '../../src/events/store/tables.ts';
import { clusterItems } from '../../src/events/offline.ts';
import { loadCed } from '../../src/events/eval/ced.ts';
import { parseCedTime } from '../../src/events/eval/ced-time.ts';
import { bcubed } from '../../src/events/eval/bcubed.ts';
import { testContext, sharedData } from '../helpers/context.ts';

test('CED time formats: epoch, Beijing local, 月日 without a year (rolled over), Weibo API form', () => {
  const root = Date.UTC(2012, 11, 30, 4, 0);
  const cases: [unknown, number | null][] = [
    [1294301161, 1294301161000],
    ['1294301161', 1294301161000],
    ['2011-03-16 22:44:58', Date.UTC(2011, 2, 16, 14, 44, 58)],
    ['12月31日 09:30', Date.UTC(2012, 11, 31, 1, 30)],
    ['01月02日 08:00', Date.UTC(2013, 0, 2, 0, 0)],
    ['Tue Sep 11 19:23:20 +0800 2012', Date.UTC(2012, 8, 11, 11, 23, 20)],
    ['刚刚', null],
  ];
  for (const [v, want] of cases) assert.equal(parseCedTime(v, root), want, String(v));
});

test('BCubed of known clusterings', () => {
  assert.deepEqual(bcubed(['a', 'a', 'b'], [1, 1, 2]), { precision: 1, recall: 1, f1: 1 });
  const one = bcubed(['a', 'a', 'b', 'b'], [1, 1, 1, 1]);
  assert.equal(one.precision, 0.5);
  assert.equal(one.recall, 1);
  const singles = bcubed(['a', 'a', 'b', 'b'], [1, 2, 3, 4]);
  assert.equal(singles.precision, 1);
  assert.equal(singles.recall, 0.5);
});

test('the stored clusterer and the offline one agree on real Weibo comments (text and time only)', async () => {
  const all = loadCed(sharedData('events/weibo-ced/events.jsonl'));
  const wanted = new Set(['2621_iJ8wqY_1945139410', '2636_iR7LJS_1893801487', '2623_iUcYy4_1783374060']);
  const lines = all
    .filter((l) => wanted.has(l.event) && [...l.text].length >= 10)
    .sort((a, b) => a.t - b.t || a.index - b.index)
    .slice(0, 150);
  const offline = clusterItems(lines.map((l) => ({ id: l.index, externalId: l.mid, parentExternalId: null, publishedAt: l.t, text: l.text })));
  const ctx = await testContext();
  try {
    const summary = await ingest(ctx, lines.map((l) => ({ external_id: l.mid, content: l.text, platform: 'weibo', published_at: new Date(l.t).toISOString() })), { stages: [eventsStage] });
    assert.equal(summary.added, lines.length);
    const rows = await eventDb(ctx.store.db).selectFrom('event_items').select(['item_id', 'event_id']).orderBy('item_id').execute();
    const stored = rows.map((r) => r.event_id);
    const fromOffline = lines.map((l) => offline.get(l.index)!);
    const agreement = bcubed(fromOffline, stored);
    assert.ok(agreement.f1 > 0.98, `agreement ${JSON.stringify(agreement)}`);
    const quality = bcubed(lines.map((l) => l.event), stored);
    assert.ok(quality.f1 > 0.7, `quality ${JSON.stringify(quality)}`);
  } finally {
    await ctx.cleanup();
  }
});
