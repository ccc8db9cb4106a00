// The analysis ingest stage: prepare() judges every item (CPU only); the batch writer writes the
// judgements beside the item rows inside the batch transaction, all at once before it commits
// (nothing else in the batch reads them back).
import type { IngestStage } from '../ingest/stage.ts';
import { createAnalyzer } from './analyzer.ts';
import { AnalysisWriter } from './store.ts';

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
  openBatch(_ctx, trx) {
    const writer = new AnalysisWriter();
    return {
      async store(item) {
        if (item.enrich.analysis) writer.add(item.id, item.enrich.analysis);
      },
      flush: () => writer.flush(trx),
    };
  },
};
