// Ingest stage 'search-index': tokenises each item before the transaction and adds the batch to the
// full-text index inside it, so an acknowledged item is searchable at once. Runs last among the
// storing stages (it only reads what earlier stages stored), and writes at the batch's flush: the
// full-text rows must be the transaction's last writes (see SqliteSearchIndex.addManySync).
import type { IngestStage } from '../ingest/stage.ts';
import { indexText } from './bigrams.ts';
import { searchIndexFor, type IndexDoc } from './search-index.ts';
import type { StoredItem } from '../ingest/prepared.ts';

declare module '../ingest/prepared.ts' {
  interface Enrichment {
    /** Index tokens of the normalised title and content, set by the search stage's prepare(). */
    searchDoc?: { title: string; body: string };
  }
}

export const searchIndexStage: IngestStage = {
  name: 'search-index',
  prepare(_ctx, items) {
    for (const it of items) {
      // norm is `title + '\n' + content`, folded, with the same offsets.
      it.enrich.searchDoc = {
        title: indexText(it.norm.slice(0, it.title.length)),
        body: indexText(it.norm.slice(it.title.length + 1)),
      };
    }
  },
  openBatch(ctx, trx) {
    const docs: IndexDoc[] = [];
    return {
      async store(item) {
        docs.push(indexDoc(item));
      },
      async flush() {
        if (docs.length > 0) await searchIndexFor(ctx.store).addMany(trx, docs.splice(0));
      },
    };
  },
};

function indexDoc(item: StoredItem): IndexDoc {
  const doc = item.enrich.searchDoc ?? {
    title: indexText(item.norm.slice(0, item.title.length)),
    body: indexText(item.norm.slice(item.title.length + 1)),
  };
  return { itemId: item.id, publishedAt: item.publishedAt, ...doc };
}
