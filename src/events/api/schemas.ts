// Payload schemas of the events API and CLI (one per payload) and the parser that turns a zod failure
// into a YqError naming the field at fault.
import { z } from 'zod';
import { YqError } from '../../errors.ts';
import { STAGES } from '../lifecycle.ts';

const instant = z.union([z.coerce.number().int().min(0), z.string().datetime({ offset: true })]).transform((v) => (typeof v === 'number' ? v : Date.parse(v)));

export const eventListQuerySchema = z
  .object({
    stage: z.enum(STAGES).optional(),
    /** Events active at or after this instant (epoch ms or ISO 8601). */
    from: instant.optional(),
    /** Events active at or before this instant. */
    to: instant.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    order: z.enum(['heat', 'recency']).default('heat'),
    min_items: z.coerce.number().int().min(1).max(1_000_000).default(1),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type EventListQuery = z.output<typeof eventListQuerySchema>;

export const eventIdParamSchema = z.object({ id: z.coerce.number().int().positive() }).strict();

export const eventMergeSchema = z.object({ into: z.coerce.number().int().positive() }).strict();

export const eventSplitSchema = z
  .object({ item_ids: z.array(z.number().int().positive()).min(1, 'give at least one item id').max(10_000) })
  .strict();

export { parsePayload as parseEventPayload } from '../../server/parse-payload.ts';
