import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createContext, closeContext } from '../../src/app-context.ts';
import { loadTexts, populate } from '../../bench/search.ts';
import { search } from '../../src/search/search.ts';
import { parseSearchRequest } from '../../src/search/request.ts';
import { buildIndexQuery } from '../../src/search/search.ts';
import { searchIndexFor } from '../../src/search/search-index.ts';
const dataDir = '/tmp/s4/db20k';
const fresh = !fs.existsSync(dataDir);
const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
if (fresh) { ctx.store.sqlite!.pragma('synchronous = NORMAL'); const c0 = process.cpuUsage(); populate(ctx, loadTexts(), 0, 20000); const c = process.cpuUsage(c0); console.log('build cpu items/s', 20000 / ((c.user + c.system) / 1e6)); }
const idx = searchIndexFor(ctx.store);
for (const q of ['医院', '政府', '城管', '"警方 通报"', '医院 孩子']) {
  const req = parseSearchRequest({ q });
  const iq = await buildIndexQuery(ctx, req);
  for (let r = 0; r < 3; r++) { await idx.query(iq, { order: 'newest', after: null, limit: 21 }); await idx.count(iq); await search(ctx, req); }
  let t = performance.now(); const hits = await idx.query(iq, { order: 'newest', after: null, limit: 21 }); const tq = performance.now() - t;
  t = performance.now(); const n = await idx.count(iq); const tc = performance.now() - t;
  t = performance.now(); await search(ctx, req); const ts = performance.now() - t;
  console.log(q, n, hits.length, 'query', tq.toFixed(1), 'count', tc.toFixed(1), 'search', ts.toFixed(1));
}
const plan = await sql`EXPLAIN QUERY PLAN SELECT d.item_id FROM search_fts JOIN search_docs d ON d.doc_key = search_fts.rowid WHERE search_fts MATCH '"医院"' ORDER BY search_fts.rowid DESC LIMIT 1 OFFSET 20`.execute(ctx.store.db);
console.log(plan.rows);
await closeContext(ctx);
