// Ingest stage 'search-index': tokenises each item before the transaction and adds it to the
// full-text index inside it, so an acknowledged item is searchable at once. Runs last among the
// storing stages (it only reads what earlier stages stored).
import type { IngestStage } from '../ingest/stage.ts';
import { indexText } from './bigrams.ts';
import { searchIndexFor } from './search-index.ts';

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
  async store(ctx, trx, item) {
    const doc = item.enrich.searchDoc ?? {
      title: indexText(item.norm.slice(0, item.title.length)),
      body: indexText(item.norm.slice(item.title.length + 1)),
    };
    await searchIndexFor(ctx.store).add(trx, { itemId: item.id, publishedAt: item.publishedAt, ...doc });
  },
};
