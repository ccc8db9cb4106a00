// robots.txt per origin, cached with a TTL, read the way RFC 9309 says:
// 4xx means no rules, 5xx or unreachable means "disallow everything" for now.
import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package is CommonJS (`module.exports = fn`) but its typings declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, txt: string) => Robot;
type Entry = { robot: Robot | 'allow' | 'disallow'; reason: string; expiresAt: number };

/** What loading robots.txt returned: the HTTP status and body text, or a failure reason. */
export type RobotsLoad = { status: number; body: string } | { error: string };

export interface RobotsVerdict {
  allowed: boolean;
  reason: string;
}

/** The product token robots.txt groups are matched against ("Yuqing/0.1 (...)" → "Yuqing"). */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[\s/]/)[0] || userAgent;
}

/** A per-process cache of parsed robots.txt files, keyed by origin. */
export class RobotsCache {
  private readonly entries = new Map<string, Promise<Entry>>();

  constructor(
    private readonly ttlMs = 3600_000,
    private readonly failureTtlMs = 300_000,
  ) {}

  /** Whether the URL may be fetched by this user agent; loads robots.txt on a miss. */
  async check(url: URL, userAgent: string, load: (robotsUrl: string) => Promise<RobotsLoad>, now: number): Promise<RobotsVerdict> {
    const entry = await this.entry(url, load, now);
    if (entry.robot === 'allow') return { allowed: true, reason: entry.reason };
    if (entry.robot === 'disallow') return { allowed: false, reason: entry.reason };
    const allowed = entry.robot.isAllowed(url.href, productToken(userAgent)) !== false;
    const line = entry.robot.getMatchingLineNumber(url.href, productToken(userAgent));
    return { allowed, reason: allowed ? 'allowed by robots.txt' : `disallowed by ${url.origin}/robots.txt line ${line}` };
  }

  /** Crawl-delay for the user agent in ms, if the site asks for one (loaded entries only). */
  async crawlDelayMs(url: URL, userAgent: string): Promise<number | undefined> {
    const entry = await this.entries.get(url.origin);
    if (!entry || typeof entry.robot === 'string') return undefined;
    const s = entry.robot.getCrawlDelay(productToken(userAgent));
    return s === undefined ? undefined : s * 1000;
  }

  /** Forget everything (tests, or after the operator changes policy). */
  clear(): void {
    this.entries.clear();
  }

  private async entry(url: URL, load: (robotsUrl: string) => Promise<RobotsLoad>, now: number): Promise<Entry> {
    const cached = this.entries.get(url.origin);
    if (cached) {
      const e = await cached;
      if (e.expiresAt > now) return e;
    }
    const robotsUrl = `${url.origin}/robots.txt`;
    // Concurrent fetches of one origin share a single robots.txt request.
    const pending = load(robotsUrl).then((r) => this.toEntry(robotsUrl, r, now));
    this.entries.set(url.origin, pending);
    return pending;
  }

  private toEntry(robotsUrl: string, r: RobotsLoad, now: number): Entry {
    if ('error' in r) {
      return { robot: 'disallow', reason: `${robotsUrl} unreachable (${r.error}); not fetching until it answers`, expiresAt: now + this.failureTtlMs };
    }
    if (r.status >= 500) {
      return { robot: 'disallow', reason: `${robotsUrl} answered HTTP ${r.status}; not fetching until it answers`, expiresAt: now + this.failureTtlMs };
    }
    if (r.status >= 400) return { robot: 'allow', reason: `no robots.txt (HTTP ${r.status})`, expiresAt: now + this.ttlMs };
    return { robot: robotsParser(robotsUrl, r.body), reason: 'robots.txt', expiresAt: now + this.ttlMs };
  }
}

/** The cache used when a caller does not bring its own. */
export const defaultRobotsCache = new RobotsCache();
