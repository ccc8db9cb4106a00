// The fetch function one check hands its collector: the operator's policy, the host gate, and
// conditional GET on the source's own URL with the validators saved from its last success.
import type { AppContext } from '../../context.ts';
import { createFetcher } from '../http/from-config.ts';
import type { CollectFetch, FetchResult } from '../http/types.ts';
import type { HostGate } from './host-gate.ts';
import type { SchedulerOptions } from './options.ts';

export interface CheckFetch {
  fetch: CollectFetch;
  /** The answer to the request for the source's own URL, once made. */
  main(): FetchResult | null;
}

/** Build the fetch for one check of `sourceUrl`. */
export function checkFetch(
  ctx: AppContext, sourceUrl: string, validators: { etag: string | null; lastModified: string | null },
  gate: HostGate, opts: Pick<SchedulerOptions, 'fetchTimeoutMs' | 'maxBytes' | 'robots'>,
): CheckFetch {
  const base = createFetcher(ctx.config, { timeoutMs: opts.fetchTimeoutMs, maxBytes: opts.maxBytes, robots: opts.robots, now: () => ctx.clock.now() });
  let main: FetchResult | null = null;
  const fetch: CollectFetch = (url, o = {}) =>
    gate.run(url, async () => {
      const isMain = main === null && url === sourceUrl && (o.method ?? 'GET') === 'GET';
      const r = await base(url, isMain ? { etag: validators.etag ?? undefined, lastModified: validators.lastModified ?? undefined, ...o } : o);
      if (isMain) main = r;
      return r;
    });
  return { fetch, main: () => main };
}
