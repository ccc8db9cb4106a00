// Ingest stage 'topics': matches every incoming item against every enabled topic (one automaton scan)
// and stores the matches as item_topics rows.
import type { IngestStage } from '../ingest/stage.ts';
import { currentMatcher } from './registry.ts';

/** The topics ingest stage: prepare() sets enrich.topicIds, store() writes item_topics. */
export const topicsStage: IngestStage = {
  name: 'topics',
  async prepare(ctx, items) {
    if (items.length === 0) return;
    const matcher = await currentMatcher(ctx);
    if (matcher.topicCount === 0) return;
    for (const item of items) item.enrich.topicIds = matcher.match(item.norm);
  },
  async store(_ctx, trx, item) {
    const ids = item.enrich.topicIds;
    if (!ids || ids.length === 0) return;
    // Insert through a select on topics: a topic deleted since prepare() is skipped instead of failing the item.
    await trx
      .insertInto('item_topics')
      .columns(['item_id', 'topic_id'])
      .expression((eb) => eb.selectFrom('topics').select([eb.val(item.id).as('item_id'), 'id as topic_id']).where('id', 'in', ids))
      .execute();
  },
};
