// Turns whatever a check threw into a short code and a readable reason for the source's health.
import { isYqError } from '../../errors.ts';

export interface Failure {
  /** A registered YQ_ERR_* code, or a short tag such as 'no_items'. */
  code: string;
  reason: string;
}

/** Describe a thrown error (fetch, parse, store) as a failure of the source. */
export function describeFailure(err: unknown): Failure {
  if (isYqError(err)) return { code: err.code, reason: err.message };
  if (err instanceof Error) {
    // undici and zlib errors carry their cause; the innermost message says most.
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return { code: 'YQ_ERR_FETCH_FAILED', reason: `${err.message}${cause}`.slice(0, 1000) };
  }
  return { code: 'YQ_ERR_FETCH_FAILED', reason: String(err).slice(0, 1000) };
}

/**
 * The failure a collector's own error list means when it produced no items at all: the source's
 * document was read (an unreadable one throws), so the fault is that nothing came out of it.
 */
export function failureFromErrors(errors: string[]): Failure {
  return { code: 'no_items', reason: `no items: ${errors.join('; ')}`.slice(0, 1000) };
}
