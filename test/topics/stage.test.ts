import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/pipeline.ts';
import { createContext, closeContext } from '../../src/app-context.ts';
import { createTopic, updateTopic } from '../../src/topics/service.ts';
import { addVariant } from '../../src/topics/variants.ts';
import { topicsStage } from '../../src/topics/stage.ts';
import { STAGES } from '../../src/ingest/stages.ts';
import type { AppContext } from '../../src/context.ts';
import { testContext } from '../helpers/context.ts';

async function topicsOf(ctx: AppContext, itemId: number): Promise<number[]> {
  const rows = await ctx.store.db.selectFrom('item_topics').select('topic_id').where('item_id', '=', itemId).orderBy('topic_id').execute();
  return rows.map((r) => r.topic_id);
}

test('the topics stage is registered before the stages that read its result', () => {
  const names = STAGES.map((s) => s.name);
  assert.ok(names.includes('topics'));
  for (const later of ['sentiment', 'keywords', 'regions', 'risks', 'analysis', 'events', 'search', 'alerts']) {
    if (names.includes(later)) assert.ok(names.indexOf('topics') < names.indexOf(later), `topics before ${later}`);
  }
});

test('ingest stores item_topics for matching topics, with variants and Traditional text', async () => {
  const ctx = await testContext();
  try {
    const a = await createTopic(ctx, { name: '融水拆迁', expression: '(融水|融水县)+(拆迁|强拆|补偿)-招聘' });
    const b = await createTopic(ctx, { name: '政府回应', expression: '政府+回应' });
    const off = await createTopic(ctx, { name: '停用', expression: '拆迁', enabled: false });
    const r = await ingest(ctx, [
      { external_id: '1', source: 's', title: '融水縣拆遷補償', content: '居民反映补偿款未到位' },
      { external_id: '2', source: 's', content: '融水县拆迁办招聘工作人员' },
      { external_id: '3', source: 's', content: '拆迁的事ZF终于回应了' },
      { external_id: '4', source: 's', content: '与监测无关的内容' },
    ], { stages: [topicsStage] });
    assert.equal(r.added, 4);
    const ids = r.results.map((x) => x.id!);
    assert.deepEqual(await topicsOf(ctx, ids[0]!), [a.id]);
    assert.deepEqual(await topicsOf(ctx, ids[1]!), []);
    assert.deepEqual(await topicsOf(ctx, ids[2]!), [b.id]);
    assert.deepEqual(await topicsOf(ctx, ids[3]!), []);
    assert.ok(!(await topicsOf(ctx, ids[0]!)).includes(off.id));
  } finally {
    await ctx.cleanup();
  }
});

test('a second process sees topic and variant changes through the version counter', async () => {
  const ctx = await testContext();
  const other = await createContext({ config: { dataDir: ctx.dataDir, logLevel: 'silent' }, clock: ctx.clock });
  try {
    const t = await createTopic(ctx, { name: '城管', expression: '城管+打人' });
    let r = await ingest(other, [{ external_id: 'a', content: '城管打人事件' }], { stages: [topicsStage] });
    assert.deepEqual(await topicsOf(other, r.results[0]!.id!), [t.id]);

    // Edited in the first process: the second must recompile before its next batch.
    await updateTopic(ctx, t.id, { expression: '城管+(打人|推搡)' });
    await addVariant(ctx, { term: '打人', variant: '动手', kind: 'other' });
    r = await ingest(other, [
      { external_id: 'b', content: '城管推搡摊贩' },
      { external_id: 'c', content: 'cg动手了' },
    ], { stages: [topicsStage] });
    assert.deepEqual(await topicsOf(other, r.results[0]!.id!), [t.id]);
    assert.deepEqual(await topicsOf(other, r.results[1]!.id!), [t.id]);

    await updateTopic(ctx, t.id, { enabled: false });
    r = await ingest(other, [{ external_id: 'd', content: '城管打人' }], { stages: [topicsStage] });
    assert.deepEqual(await topicsOf(other, r.results[0]!.id!), []);
  } finally {
    await closeContext(other);
    await ctx.cleanup();
  }
});
