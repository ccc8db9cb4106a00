// Opaque pagination cursors: base64url of a small JSON naming the order and where the page ended.
import { z } from 'zod';
import { YqError } from '../errors.ts';
import type { CursorPos, SearchOrder } from './search-index.ts';

const id = z.number().int().positive();
const payload = z.discriminatedUnion('o', [
  z.object({ v: z.literal(1), o: z.literal('newest'), p: z.number().int(), i: id }).strict(),
  z.object({ v: z.literal(1), o: z.literal('relevance'), p: z.number().int(), i: id, s: z.number().finite() }).strict(),
]);

/** Encode where a page ended. */
export function encodeCursor(order: SearchOrder, pos: CursorPos): string {
  const body = order === 'relevance' ? { v: 1, o: order, p: pos.publishedAt, i: pos.itemId, s: pos.score ?? 0 } : { v: 1, o: order, p: pos.publishedAt, i: pos.itemId };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const bad = (why: string) => new YqError('YQ_ERR_BAD_CURSOR', why, { details: { field: 'cursor' } });

/** Decode a cursor made by encodeCursor for the same order; anything else is YQ_ERR_BAD_CURSOR. */
export function decodeCursor(cursor: string, order: SearchOrder): CursorPos {
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
  const pos: CursorPos = { publishedAt: p.data.p, itemId: p.data.i };
  if (p.data.o === 'relevance') pos.score = p.data.s;
  return pos;
}
