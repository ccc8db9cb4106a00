// Turns a zod failure on an API/CLI payload into a YqError naming the first field at fault.
import type { z } from 'zod';
import { YqError } from '../errors.ts';

/** Validate a payload; a failure is a YQ_ERR_VALIDATION naming the first field at fault. */
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new YqError('YQ_ERR_VALIDATION', `unknown field(s): ${issue.keys.join(', ')}`, { details: { field: issue.keys.join(',') } });
  }
  const field = issue && issue.path.length ? issue.path.join('.') : '(body)';
  throw new YqError('YQ_ERR_VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`, { details: { field } });
}
