// The alerting background service of `yuqing start`: a delivery worker (woken at once after an enqueue,
// else polling) and a ticker (escalations, source-health events, situation reports). Both are safe to
// run in several processes at once: every claim goes through the database.
import type { AppContext } from '../context.ts';
import type { ServiceStarter } from '../services.ts';
import { waitForWork } from './delivery/bus.ts';
import { drainDeliveries } from './delivery/drain.ts';
import { newWorkerId } from './delivery/queue.ts';
import { tickEscalations } from './escalation/ticker.ts';
import { sendDueReports } from './key-periods/report.ts';
import { processSourceEvents } from './source-down.ts';

export interface AlertServiceOptions {
  /** Longest wait between delivery polls when nothing wakes the worker. */
  pollMs: number;
  /** Interval of the escalation / source-health / report ticker. */
  tickMs: number;
}

export const DEFAULT_SERVICE_OPTIONS: AlertServiceOptions = { pollMs: 2000, tickMs: 15_000 };

/** One ticker pass: escalations due, source events pending, reports due. Tests call it with a TestClock. */
export async function runAlertTicker(ctx: AppContext): Promise<{ escalated: number; sourceEvents: number; reports: number }> {
  const escalated = await tickEscalations(ctx);
  const sourceEvents = await processSourceEvents(ctx);
  const reports = await sendDueReports(ctx);
  return { escalated, sourceEvents, reports };
}

async function loop(ctx: AppContext, name: string, signal: AbortSignal, pass: () => Promise<boolean>, waitMs: number): Promise<void> {
  while (!signal.aborted) {
    let busy = false;
    try {
      busy = await pass();
    } catch (err) {
      ctx.log.error({ err, loop: name }, 'alert_service_pass_failed');
    }
    // A full pass may have left more work: go again at once, else sleep until woken or timed out.
    if (!busy && !signal.aborted) await waitForWork(waitMs, signal);
  }
}

/** Start the worker and the ticker; stop() waits for the current passes to finish. */
export function startAlertLoops(ctx: AppContext, opts: AlertServiceOptions = DEFAULT_SERVICE_OPTIONS): { stop(): Promise<void> } {
  const ac = new AbortController();
  const worker = newWorkerId();
  const delivery = loop(ctx, 'delivery', ac.signal, async () => {
    const r = await drainDeliveries(ctx, { workerId: worker });
    return r.sent + r.failed + r.dead >= 100;
  }, opts.pollMs);
  const ticker = (async () => {
    while (!ac.signal.aborted) {
      try {
        await runAlertTicker(ctx);
      } catch (err) {
        ctx.log.error({ err }, 'alert_ticker_failed');
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, opts.tickMs);
        ac.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
      });
    }
  })();
  let stopped: Promise<void> | null = null;
  return {
    stop: () => (stopped ??= (async () => {
      ac.abort();
      await Promise.all([delivery, ticker]);
    })()),
  };
}

/** The service as registered in src/services.ts. */
export const startAlerts: ServiceStarter = async (ctx) => {
  const loops = startAlertLoops(ctx);
  ctx.log.info({ poll_ms: DEFAULT_SERVICE_OPTIONS.pollMs, tick_ms: DEFAULT_SERVICE_OPTIONS.tickMs }, 'alerts_service_started');
  return { name: 'alerts', stop: () => loops.stop() };
};
