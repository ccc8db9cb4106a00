// Binds the operator's configuration (private networks, User-Agent, proxy) to the guarded client.
import type { Config } from '../../config.ts';
import { DEFAULT_MAX_BYTES, guardedFetch } from './client.ts';
import type { CollectFetch, GuardedFetchOptions } from './types.ts';

type FetchConfig = Pick<Config, 'allowPrivateNetworks' | 'userAgent' | 'httpProxy'>;

/** The client policy that configuration implies; `extra` overrides (tests, the scheduler's clock). */
export function fetchPolicy(config: FetchConfig, extra: GuardedFetchOptions = {}): GuardedFetchOptions {
  return {
    allowPrivate: config.allowPrivateNetworks,
    userAgent: config.userAgent,
    proxy: config.httpProxy || undefined,
    ...extra,
  };
}

/** A fetch function for collectors with the policy bound; per-call options cannot loosen it. */
export function createFetcher(config: FetchConfig, extra: GuardedFetchOptions = {}): CollectFetch {
  const policy = fetchPolicy(config, extra);
  const cap = policy.maxBytes ?? DEFAULT_MAX_BYTES;
  return (url, opts = {}) => guardedFetch(url, { ...policy, ...opts, maxBytes: Math.min(opts.maxBytes ?? cap, cap) });
}
