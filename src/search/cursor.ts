// Opaque pagination cursors: base64url of a small JSON naming the order, where the page ended, the
// total of the first page (later pages do not count again) and a fingerprint of the query and
// filters, so a cursor cannot silently continue a different search.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { YqError } from '../errors.ts';
import type { CursorPos, SearchOrder } from './search-index.ts';

const base = { v: z.literal(1), p: z.number().int(), i: z.number().int().positive(), t: z.number().int().min(0), f: z.string() };
const payload = z.discriminatedUnion('o', [
  z.object({ ...base, o: z.literal('newest') }).strict(),
  z.object({ ...base, o: z.literal('relevance'), s: z.number().finite() }).strict(),
]);

export interface DecodedCursor {
  pos: CursorPos;
  total: number;
}

/** A short fingerprint of everything that defines the result list (not the page size or cursor). */
export function searchFingerprint(fields: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 12);
}

/** Encode where a page ended. */
export function encodeCursor(order: SearchOrder, pos: CursorPos, total: number, fingerprint: string): string {
  const body = { v: 1, o: order, p: pos.publishedAt, i: pos.itemId, t: total, f: fingerprint, ...(order === 'relevance' ? { s: pos.score ?? 0 } : {}) };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const bad = (why: string) => new YqError('YQ_ERR_BAD_CURSOR', why, { details: { field: 'cursor' } });

/** Decode a cursor made by encodeCursor for the same search; anything else is YQ_ERR_BAD_CURSOR. */
export function decodeCursor(cursor: string, order: SearchOrder, fingerprint: string): DecodedCursor {
  let data: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('cursor is not one this server issued');
  }
  const p = payload.safeParse(data);
  if (!p.success) throw bad('cursor is not one this server issued');
  if (p.data.o !== order) throw bad(`cursor belongs to ${p.data.o} order, not ${order}`);
  if (p.data.f !== fingerprint) throw bad('cursor belongs to another query or other filters');
  const pos: CursorPos = { publishedAt: p.data.p, itemId: p.data.i };
  if (p.data.o === 'relevance') pos.score = p.data.s;
  return { pos, total: p.data.t };
}
