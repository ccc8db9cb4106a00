// Long-running background services of a `start` process (collectors scheduler, alert delivery, ...).
// Each service module exports start(ctx) returning a handle with an idempotent stop().
import type { AppContext } from './context.ts';
import { startCollector } from './collect/scheduler/service.ts';
import { startAlerts } from './alerts/service.ts';

export interface ServiceHandle {
  name: string;
  stop(): Promise<void>;
}

export type ServiceStarter = (ctx: AppContext) => Promise<ServiceHandle | null>;

/** Registered starters, in start order. Add a service here once its module exists. */
export const SERVICES: ServiceStarter[] = [startAlerts, startCollector];

/** Start every registered service; stop() stops them in reverse order, once. */
export async function startServices(ctx: AppContext): Promise<{ stop(): Promise<void> }> {
  const handles: ServiceHandle[] = [];
  for (const start of SERVICES) {
    const h = await start(ctx);
    if (h) handles.push(h);
  }
  let stopped = false;
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      for (const h of handles.reverse()) {
        try {
          await h.stop();
        } catch (err) {
          ctx.log.error({ err, service: h.name }, 'service_stop_failed');
        }
      }
    },
  };
}
