// The collector as a background service of `yuqing start` (when YUQING_COLLECT is on).
import type { ServiceStarter } from '../../services.ts';
import { Scheduler } from './scheduler.ts';

/** Start the scheduler loop, or nothing when collection is off in this process. */
export const startCollector: ServiceStarter = async (ctx) => {
  if (!ctx.config.collect) return null;
  const s = new Scheduler(ctx);
  s.start();
  ctx.log.info({ worker_id: s.opts.workerId, concurrency: s.opts.concurrency }, 'collector_started');
  return { name: 'collector', stop: () => s.shutdown() };
};
