// When a source is checked next: its interval (shortened by an active key period) with jitter after
// a success; exponential backoff after failures, capped so an unhealthy source is still polled.
import type { SchedulerOptions } from './options.ts';

type Timing = Pick<SchedulerOptions, 'jitterRatio' | 'retryBaseMs' | 'backoffMaxMs'>;

/** The interval in force for a source: its own, or a key period's when shorter. */
export function effectiveIntervalS(ownS: number, keyPeriodS: number | undefined): number {
  return keyPeriodS !== undefined && keyPeriodS < ownS ? keyPeriodS : ownS;
}

/** Multiply by a random factor in [1 - ratio, 1 + ratio]. */
function jitter(ms: number, ratio: number, rnd: () => number): number {
  return Math.round(ms * (1 + (rnd() * 2 - 1) * ratio));
}

/** Next check after a successful one. */
export function nextAfterSuccess(now: number, intervalS: number, t: Timing, rnd: () => number = Math.random): number {
  return now + Math.max(1000, jitter(intervalS * 1000, t.jitterRatio, rnd));
}

/** Delay before retrying after `failures` consecutive failures. */
export function backoffMs(failures: number, intervalS: number, t: Timing): number {
  const cap = Math.max(t.backoffMaxMs, intervalS * 1000);
  return Math.min(cap, t.retryBaseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
}

/** Next check after a failed one. */
export function nextAfterFailure(now: number, failures: number, intervalS: number, t: Timing, rnd: () => number = Math.random): number {
  return now + Math.max(1000, jitter(backoffMs(failures, intervalS, t), t.jitterRatio, rnd));
}
