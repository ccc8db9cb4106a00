// Opaque pagination cursors: base64url of a small JSON naming the order and where the page ended.
import { z } from 'zod';
import { YqError } from '../errors.ts';
import { parseKey } from './doc-key.ts';
import type { CursorPos, SearchOrder } from './search-index.ts';

const payload = z
  .object({ v: z.literal(1), o: z.enum(['newest', 'relevance']), k: z.string(), s: z.number().finite().optional() })
  .strict();

/** Encode where a page ended. */
export function encodeCursor(order: SearchOrder, pos: CursorPos): string {
  const body = { v: 1, o: order, k: pos.key, ...(pos.score === undefined ? {} : { s: pos.score }) };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decode a cursor made by encodeCursor for the same order; anything else is YQ_ERR_BAD_CURSOR. */
export function decodeCursor(cursor: string, order: SearchOrder): CursorPos {
  let data: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new YqError('YQ_ERR_BAD_CURSOR', 'cursor is not one this server issued', { details: { field: 'cursor' } });
  }
  const p = payload.safeParse(data);
  if (!p.success || parseKey(p.data.k) === null) {
    throw new YqError('YQ_ERR_BAD_CURSOR', 'cursor is not one this server issued', { details: { field: 'cursor' } });
  }
  if (p.data.o !== order || (order === 'relevance') !== (p.data.s !== undefined)) {
    throw new YqError('YQ_ERR_BAD_CURSOR', `cursor belongs to ${p.data.o} order, not ${order}`, { details: { field: 'cursor' } });
  }
  return p.data.s === undefined ? { key: p.data.k } : { key: p.data.k, score: p.data.s };
}
