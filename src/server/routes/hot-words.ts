// GET /api/hot-words: keywords of a period with their counts and rise against the previous period.
// Query: from, to (ISO 8601 or epoch seconds; default the last 24 hours), limit, topic, region, sort, min_count.
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { YqError } from '../../errors.ts';
import { hotWords } from '../../analysis/hot-words.ts';
import { parseTimeBound } from '../../search/time-bound.ts';

const DAY_MS = 24 * 3600 * 1000;

const querySchema = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    topic: z.coerce.number().int().positive().optional(),
    region: z.string().regex(/^\d{2,12}$/, 'a region code of digits').optional(),
    sort: z.enum(['rising', 'count']).default('rising'),
    min_count: z.coerce.number().int().min(1).max(1_000_000).default(2),
  })
  .strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/hot-words', async (req) => {
    const p = querySchema.safeParse(req.query ?? {});
    if (!p.success) {
      const issue = p.error.issues[0];
      const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : String(issue?.path[0] ?? '(query)');
      throw new YqError('YQ_ERR_VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`, { details: { field } });
    }
    const q = p.data;
    const bound = (field: 'from' | 'to', value: string): number => {
      const ms = parseTimeBound(value, ctx.config.timezone, field);
      if (ms === null) throw new YqError('YQ_ERR_VALIDATION', `${field}: expected ISO 8601 or epoch seconds, got ${JSON.stringify(value)}`, { details: { field } });
      return ms;
    };
    const to = q.to !== undefined ? bound('to', q.to) : ctx.clock.now();
    const from = q.from !== undefined ? bound('from', q.from) : to - DAY_MS;
    if (from >= to) throw new YqError('YQ_ERR_VALIDATION', 'from: must be before to', { details: { field: 'from' } });
    const r = await hotWords(ctx.store.db, { from, to, limit: q.limit, topic: q.topic, region: q.region, sort: q.sort, minCount: q.min_count });
    return { ...r, from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString() };
  });
};

export default routes;
