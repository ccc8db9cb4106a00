// The index follows the items table: deletes, re-indexing and items stored before the migration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileMigrationProvider, Migrator } from 'kysely';
import { testContext } from '../helpers/context.ts';
import { find, ingestForSearch } from './fixtures.ts';
import { searchIndexFor } from '../../src/search/search-index.ts';
import { migrateToLatest, openStore } from '../../src/store/db.ts';
import { createContext, closeContext } from '../../src/app-context.ts';

test('deleting an item drops it from the index; re-adding an item does not duplicate it', async () => {
  const ctx = await testContext();
  try {
    const [a, b] = await ingestForSearch(ctx, [
      { external_id: 'a', content: '拆迁补偿', published_at: 1763500000 },
      { external_id: 'b', content: '拆迁公告', published_at: 1763500100 },
    ]);
    assert.equal((await find(ctx, { q: '拆迁' })).total, 2);
    await ctx.store.db.deleteFrom('items').where('id', '=', a!).execute();
    assert.deepEqual((await find(ctx, { q: '拆迁' })).items.map((i) => i.id), [b]);

    const index = searchIndexFor(ctx.store);
    await index.add(ctx.store.db, { itemId: b!, publishedAt: 1763500100_000, title: '', body: '拆迁 迁公 公告 告' });
    await index.add(ctx.store.db, { itemId: b!, publishedAt: 1763500100_000, title: '', body: '城管 管' });
    assert.equal((await find(ctx, { q: '拆迁' })).total, 0);
    assert.equal((await find(ctx, { q: '城管' })).total, 1);
    await index.remove(ctx.store.db, b!);
    assert.equal((await find(ctx, { q: '城管' })).total, 0);
    await index.remove(ctx.store.db, b!); // a no-op the second time
  } finally {
    await ctx.cleanup();
  }
});

test('the search migration indexes items stored before it', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-test-'));
  try {
    const store = await openStore({ dataDir, migrate: false });
    const migrator = new Migrator({
      db: store.db,
      provider: new FileMigrationProvider({ fs: fs.promises, path, migrationFolder: path.resolve(import.meta.dirname, '../../src/store/migrations') }),
    });
    const r = await migrator.migrateTo('2026112701_foundation');
    assert.equal(r.error, undefined);
    const rows = [
      ['融水县拆迁户', '城管局回应', Date.UTC(2026, 10, 18, 2, 10)],
      ['天气', '拆遷公告', Date.UTC(2026, 10, 18, 2, 5)],
      ['无关', '晴', Date.UTC(2026, 10, 18, 1, 0)],
    ] as const;
    for (const [k, [title, content, at]] of rows.entries()) {
      await store.db.insertInto('items').values({
        source_id: null, source_key: null, external_id: String(k), url: null, canonical_url: null, title, content, author: null,
        platform: 'news', published_at: at, collected_at: at, parent_external_id: null, metrics_json: '{}', raw_json: '{}',
        content_hash: String(k), simhash: null, similar_group_id: null,
      }).execute();
    }
    await migrateToLatest(store);
    await store.close();
    const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
    try {
      const res = await find(ctx, { q: '拆迁' });
      assert.deepEqual(res.items.map((i) => i.title), ['融水县拆迁户', '天气']);
      assert.equal((await find(ctx, { q: '' })).total, 3);
    } finally {
      await closeContext(ctx);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
