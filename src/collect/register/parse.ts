// zod parsing that fails with a 400 YqError naming the field at fault (unknown fields included).
import type { z, ZodError } from 'zod';
import { YqError } from '../../errors.ts';

/** The field path and message of the first zod issue. */
export function describeIssue(err: ZodError): { field: string; reason: string } {
  const issue = err.issues[0];
  if (!issue) return { field: '(body)', reason: 'invalid' };
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
    const keys = issue.keys.map((k) => prefix + k);
    return { field: keys.join(','), reason: `unknown field(s): ${keys.join(', ')}` };
  }
  return { field: issue.path.length ? issue.path.join('.') : '(body)', reason: issue.message };
}

/** Parse with the schema or throw YQ_ERR_VALIDATION naming the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const { field, reason } = describeIssue(r.error);
  throw new YqError('YQ_ERR_VALIDATION', `${field}: ${reason}`, { details: { field, reason } });
}
