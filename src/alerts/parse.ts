// zod parsing for alerting payloads: a 400 YqError naming the field at fault, with an optional prefix
// for nested parts validated separately (a channel's `settings`).
import type { z } from 'zod';
import { YqError } from '../errors.ts';
import { describeIssue } from '../collect/register/parse.ts';

/** Parse with the schema or throw YQ_ERR_VALIDATION naming the field (prefixed). */
export function parsePayload<S extends z.ZodType>(schema: S, data: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const d = describeIssue(r.error);
  const field = prefix ? (d.field === '(body)' ? prefix : `${prefix}.${d.field}`) : d.field;
  throw new YqError('YQ_ERR_VALIDATION', `${field}: ${d.reason}`, { details: { field, reason: d.reason } });
}

/** A positive integer id from a path parameter. */
export function idParam(params: unknown, name = 'id'): number {
  const v = (params as Record<string, unknown> | null)?.[name];
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new YqError('YQ_ERR_VALIDATION', `${name}: must be a positive integer`, { details: { field: name } });
  return n;
}
