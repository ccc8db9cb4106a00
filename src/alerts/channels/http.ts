// Outbound HTTP for channels: every call goes through the guarded client (address policy, timeouts,
// size limits), robots.txt aside (it governs crawling, not webhooks the operator configured).
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { guardedFetch } from '../../collect/http/client.ts';
import { fetchPolicy } from '../../collect/http/from-config.ts';
import type { FetchResult } from '../../collect/http/types.ts';

export const CHANNEL_TIMEOUT_MS = 10_000;

/** Send a request; a 4xx/5xx answer throws YQ_ERR_FETCH_FAILED (the delivery is retried). */
export async function channelRequest(
  ctx: AppContext, url: string, init: { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
): Promise<FetchResult> {
  return guardedFetch(url, fetchPolicy(ctx.config, {
    method: init.method ?? 'POST', body: init.body, headers: init.headers, robots: false,
    timeoutMs: CHANNEL_TIMEOUT_MS, maxBytes: 256 * 1024, accept: 'application/json,*/*;q=0.5',
  }));
}

/** POST a JSON body. */
export async function postJson(ctx: AppContext, url: string, body: unknown, headers: Record<string, string> = {}): Promise<FetchResult> {
  return channelRequest(ctx, url, { body: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** Robots answer 200 with an error code in the body; a non-zero code is a failed delivery. */
export function checkRobotAnswer(r: FetchResult, codeField: string[]): void {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(r.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new YqError('YQ_ERR_FETCH_FAILED', `robot answered non-JSON: ${r.body.toString('utf8').slice(0, 200)}`);
  }
  for (const f of codeField) {
    if (f in data && Number(data[f]) !== 0) {
      throw new YqError('YQ_ERR_FETCH_FAILED', `robot refused the message: ${JSON.stringify(data).slice(0, 300)}`);
    }
  }
}

/** `base` with one query parameter appended. */
export function withQuery(base: string, params: Record<string, string>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
}
