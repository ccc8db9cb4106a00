// The 'alerts' ingest stage: after the batch is committed, evaluate the rules over the stored items and
// enqueue deliveries in the outbox (never sending inline), then wake the local delivery worker.
import type { IngestStage } from '../ingest/stage.ts';
import { wakeDeliveries } from './delivery/bus.ts';
import { evaluateItems } from './evaluate/evaluate.ts';
import { factsOfStored } from './evaluate/facts.ts';

export const alertsStage: IngestStage = {
  name: 'alerts',
  async after(ctx, items) {
    const counts = await evaluateItems(ctx, items.map(factsOfStored));
    if (counts.fired > 0 || counts.updated > 0) {
      ctx.log.debug({ alerts_fired: counts.fired, alerts_updated: counts.updated, items: items.length }, 'alerts_evaluated');
    }
    if (counts.fired > 0) wakeDeliveries();
  },
};
