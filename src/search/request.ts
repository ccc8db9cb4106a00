// The one schema of a search request, shared by GET /api/search and `yuqing search`. Every field
// arrives as text (query string or CLI option); lists may be repeated or comma-separated.
import { z } from 'zod';
import { YqError } from '../errors.ts';
import { PLATFORMS } from '../ingest/item-schema.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/[,，]/)).map((s) => s.trim()).filter(Boolean));

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

export const searchRequestSchema = z
  .object({
    q: z.string().max(2000, 'longer than 2000 characters').default(''),
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    source: list.optional(),
    platform: list.pipe(z.array(z.enum(PLATFORMS))).optional(),
    topic: list.pipe(z.array(z.string().regex(/^[1-9]\d{0,15}$/, 'a topic id is a positive integer').transform(Number))).optional(),
    sentiment: list.pipe(z.array(z.enum(SENTIMENTS))).optional(),
    region: list.pipe(z.array(z.string().regex(/^\d{2,12}$/, 'a region code is 2 to 12 digits'))).optional(),
    risk: list.optional(),
    order: z.enum(['newest', 'relevance']).default('newest'),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    cursor: z.string().max(1000).optional(),
    collapse: z
      .union([z.enum(['similar', 'none', '']), z.boolean()])
      .transform((v) => v === 'similar' || v === true)
      .default(false),
  })
  .strict();

export type SearchRequest = z.output<typeof searchRequestSchema>;

/** Validate raw request fields; an error names the field at fault. */
export function parseSearchRequest(raw: unknown): SearchRequest {
  const r = searchRequestSchema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new YqError('YQ_ERR_VALIDATION', `unknown parameter(s): ${issue.keys.join(', ')}`, { details: { field: issue.keys[0] } });
  }
  const field = issue?.path.filter((p) => typeof p === 'string').join('.') || '(request)';
  throw new YqError('YQ_ERR_VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`, { details: { field } });
}
