// Politeness per host: at most N requests in flight to one host and a minimum gap between request
// starts, so a site with many registered sources is not hammered. Per process (a second worker
// keeps its own gate; the database schedule already spreads sources over time).
import pLimit, { type LimitFunction } from 'p-limit';

export class HostGate {
  private limits = new Map<string, LimitFunction>();
  private nextStart = new Map<string, number>();

  constructor(private perHost: number, private minDelayMs: number) {}

  /** Run `fn` when the host has a free slot and its gap has passed. */
  run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    let limit = this.limits.get(host);
    if (!limit) {
      limit = pLimit(this.perHost);
      this.limits.set(host, limit);
    }
    return limit(async () => {
      const now = Date.now();
      const at = Math.max(now, this.nextStart.get(host) ?? 0);
      this.nextStart.set(host, at + this.minDelayMs);
      if (at > now) await new Promise((r) => setTimeout(r, at - now));
      return fn();
    });
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
