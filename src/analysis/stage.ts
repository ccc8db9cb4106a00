// The analysis ingest stage: prepare() judges every item (CPU only), store() writes the judgement
// beside the item row inside the batch transaction.
import type { IngestStage } from '../ingest/stage.ts';
import { createAnalyzer } from './analyzer.ts';
import { writeAnalysis } from './store.ts';

export const analysisStage: IngestStage = {
  name: 'analysis',
  prepare(ctx, items) {
    if (items.length === 0) return;
    // One analyzer per batch: picks up a gazetteer import or taxonomy change made since the last batch.
    // A broken gazetteer or taxonomy file in the data folder must not stop ingest: fall back and say so.
    const analyzer = createAnalyzer(ctx.config, {
      onTableError: (err, table) => ctx.log.error({ err, table }, 'analysis_table_unusable_using_shipped_default'),
    });
    for (const item of items) {
      item.enrich.analysis = analyzer.analyze({ title: item.title, content: item.content, norm: item.norm });
    }
  },
  async store(_ctx, trx, item) {
    if (item.enrich.analysis) await writeAnalysis(trx, item.id, item.enrich.analysis);
  },
};
