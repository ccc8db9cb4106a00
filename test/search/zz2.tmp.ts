import { createContext, closeContext } from '../../src/app-context.ts';
import { search, buildIndexQuery } from '../../src/search/search.ts';
import { parseSearchRequest } from '../../src/search/request.ts';
import { searchIndexFor } from '../../src/search/search-index.ts';
import { getItems } from '../../src/store/items.ts';
import { highlight } from '../../src/search/highlight.ts';
import { positiveTerms } from '../../src/search/query-ast.ts';
const ctx = await createContext({ config: { dataDir: '/tmp/s4/db20k', logLevel: 'silent' } });
const idx = searchIndexFor(ctx.store);
const cpu = async (f: () => Promise<unknown>, n = 30) => { await f(); const c0 = process.cpuUsage(); for (let i = 0; i < n; i++) await f(); const c = process.cpuUsage(c0); return ((c.user + c.system) / 1000 / n).toFixed(2); };
for (const q of ['医院', '城管', '医院 孩子', '"警方 通报"', '派出所']) {
  const req = parseSearchRequest({ q });
  const iq = await buildIndexQuery(ctx, req);
  const hits = await idx.query(iq, { order: 'newest', after: null, limit: 21 });
  const rows = await getItems(ctx.store.db, hits.map((h) => h.itemId));
  const terms = positiveTerms(iq.match!);
  console.log(q, 'cpu ms: query', await cpu(() => idx.query(iq, { order: 'newest', after: null, limit: 21 })), 'count', await cpu(() => idx.count(iq)),
    'items', await cpu(() => getItems(ctx.store.db, hits.map((h) => h.itemId))), 'hl', await cpu(async () => rows.map((r) => highlight(r.title, r.content, terms))), 'search', await cpu(() => search(ctx, req)));
}
await closeContext(ctx);
