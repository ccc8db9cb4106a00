// Scheduler settings with their defaults; tests and the bench override a few (delays, timeouts).
import os from 'node:os';
import { randomBytes } from 'node:crypto';

export interface SchedulerOptions {
  /** Sources checked at once by this process. */
  concurrency: number;
  /** Requests in flight to one host at once. */
  hostConcurrency: number;
  /** Minimum time between the starts of two requests to one host (politeness), real milliseconds. */
  hostMinDelayMs: number;
  /** How long a claim holds; a crashed process's claims lapse after it. */
  leaseMs: number;
  /** Spread of the next check, as a fraction of the interval (±), so sources do not poll in lockstep. */
  jitterRatio: number;
  /** First retry delay after a failure; doubles with each consecutive failure… */
  retryBaseMs: number;
  /** …up to this (or the source's own interval when that is longer). */
  backoffMaxMs: number;
  /** Consecutive failures that make a source unhealthy. */
  unhealthyAfter: number;
  fetchTimeoutMs: number;
  maxBytes: number;
  /** Honour robots.txt. */
  robots: boolean;
  /** How often the background loop looks for due sources, real milliseconds. */
  loopMs: number;
  /** How often (clock time) silent sources are looked for. */
  silenceCheckMs: number;
  /** Recent items of a source remembered to skip known entries before the expensive steps. */
  knownWindow: number;
  /** Names this process in claims. */
  workerId: string;
}

/** Defaults for a production process. */
export function defaultSchedulerOptions(): SchedulerOptions {
  return {
    concurrency: 8,
    hostConcurrency: 2,
    hostMinDelayMs: 1000,
    leaseMs: 10 * 60_000,
    jitterRatio: 0.1,
    retryBaseMs: 30_000,
    backoffMaxMs: 3600_000,
    unhealthyAfter: 3,
    fetchTimeoutMs: 20_000,
    maxBytes: 20 * 1024 * 1024,
    robots: true,
    loopMs: 1000,
    silenceCheckMs: 10 * 60_000,
    knownWindow: 1000,
    workerId: `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  };
}
