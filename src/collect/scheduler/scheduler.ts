// The collection scheduler: the schedule lives in the database (source_state), this process claims
// what is due and checks it on a bounded worker pool. runDue() is one synchronous pass (tests, CLI);
// start() runs passes in the background until shutdown(), which is idempotent.
import pLimit, { type LimitFunction } from 'p-limit';
import type { AppContext } from '../../context.ts';
import { checkSilence } from '../health/silence.ts';
import { pruneChecks } from '../health/record.ts';
import { keyPeriodIntervals, pullForward } from '../key-periods/effective.ts';
import { claimDue, ensureStateRows, releaseClaims, type ClaimedSource } from './claim.ts';
import { checkSource, type CheckResult } from './check-source.ts';
import { HostGate } from './host-gate.ts';
import { defaultSchedulerOptions, type SchedulerOptions } from './options.ts';

export interface RunSummary {
  checked: number;
  ok: number;
  failed: number;
  added: number;
}

export class Scheduler {
  readonly opts: SchedulerOptions;
  private pool: LimitFunction;
  private gate: HostGate;
  private inFlight = new Set<Promise<CheckResult>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private passing = false;
  private lastSilenceCheck = -Infinity;

  constructor(private ctx: AppContext, opts: Partial<SchedulerOptions> = {}) {
    this.opts = { ...defaultSchedulerOptions(), ...opts };
    this.pool = pLimit(this.opts.concurrency);
    this.gate = new HostGate(this.opts.hostConcurrency, this.opts.hostMinDelayMs);
  }

  /** Key periods and silence first (read from the database each pass, so no restart is needed). */
  private async prepare(): Promise<Map<number, number>> {
    const now = this.ctx.clock.now();
    await ensureStateRows(this.ctx, now);
    const intervals = await keyPeriodIntervals(this.ctx, now);
    await pullForward(this.ctx, intervals);
    if (now - this.lastSilenceCheck >= this.opts.silenceCheckMs) {
      this.lastSilenceCheck = now;
      await checkSilence(this.ctx);
      await pruneChecks(this.ctx);
    }
    return intervals;
  }

  private launch(c: ClaimedSource, intervals: Map<number, number>): Promise<CheckResult> {
    const p = this.pool(() => checkSource(this.ctx, c, intervals.get(c.source.id), this.gate, this.opts));
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Check every source due now and wait for all of them; repeats until nothing is due. */
  async runDue(): Promise<RunSummary> {
    const sum: RunSummary = { checked: 0, ok: 0, failed: 0, added: 0 };
    if (this.stopped) return sum;
    const intervals = await this.prepare();
    for (;;) {
      const claimed = await claimDue(this.ctx, this.opts.concurrency * 4, this.opts.workerId, this.opts.leaseMs);
      if (claimed.length === 0) return sum;
      for (const r of await Promise.all(claimed.map((c) => this.launch(c, intervals)))) {
        sum.checked++;
        if (r.ok) sum.ok++;
        else sum.failed++;
        sum.added += r.added;
      }
    }
  }

  /** One background pass: claim only as many as there are free workers, do not wait for them. */
  private async pass(): Promise<void> {
    if (this.passing || this.stopped) return;
    this.passing = true;
    try {
      const free = this.opts.concurrency - this.inFlight.size;
      if (free <= 0) return;
      const intervals = await this.prepare();
      if (this.stopped) return;
      for (const c of await claimDue(this.ctx, free, this.opts.workerId, this.opts.leaseMs)) {
        if (this.stopped) await releaseClaims(this.ctx, [c.source.id], this.opts.workerId);
        else this.launch(c, intervals);
      }
    } catch (err) {
      this.ctx.log.error({ err }, 'scheduler_pass_failed');
    } finally {
      this.passing = false;
    }
  }

  /** Run passes every loopMs until shutdown(). */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.pass(), this.opts.loopMs);
    void this.pass();
  }

  /** Stop claiming, let checks in flight finish; safe to call more than once. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.passing) await new Promise((r) => setTimeout(r, 10));
    await Promise.allSettled([...this.inFlight]);
  }
}

/** One pass over everything due, with a scheduler made for it (tests, `yuqing collect`). */
export async function runDue(ctx: AppContext, opts: Partial<SchedulerOptions> = {}): Promise<RunSummary> {
  return new Scheduler(ctx, opts).runDue();
}
