// Small helpers for the HTTP client: header flattening and readable network error texts.
import type { IncomingHttpHeaders } from 'node:http';

/** Response headers as a record of lowercased names to single strings. */
export function headerRecord(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const NETWORK_TEXTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  HPE_INVALID_CONSTANT: 'malformed HTTP response',
  HPE_HEADER_OVERFLOW: 'response headers too large',
  UND_ERR_SOCKET: 'socket error',
};

/** A short human reason for a socket, TLS or parser error. */
export function describeNetworkError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const text = NETWORK_TEXTS[code];
  if (text) return `${text} (${code})`;
  if (code.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(err?.message ?? '')) return `TLS error: ${err.message}`;
  return err?.message ? `${err.message}${code ? ` (${code})` : ''}` : String(e);
}
