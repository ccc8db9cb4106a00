// Payload schemas of key periods (重点时段): a named window in which listed sources are polled faster.
import { z } from 'zod';
import { MAX_INTERVAL_S, MIN_INTERVAL_S } from '../register/schema.ts';

/** ISO 8601 with an offset, or epoch milliseconds. */
const instant = z.union([
  z.number().int().positive(),
  z.string().refine((s) => /[zZ]|[+-]\d{2}:?\d{2}$/.test(s) && Number.isFinite(Date.parse(s)), 'expected ISO 8601 with an offset (e.g. 2026-12-01T00:00:00+08:00)')
    .transform((s) => Date.parse(s)),
]);

const ids = z.array(z.number().int().positive()).max(10_000);

export const keyPeriodCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    starts_at: instant,
    ends_at: instant,
    interval_s: z.number().int().min(MIN_INTERVAL_S).max(MAX_INTERVAL_S).default(120),
    source_ids: ids.default([]),
    topic_ids: ids.default([]),
    note: z.string().max(2000).default(''),
  })
  .strict()
  .refine((k) => k.ends_at > k.starts_at, { path: ['ends_at'], message: 'must be after starts_at' })
  .refine((k) => k.source_ids.length + k.topic_ids.length > 0, { path: ['source_ids'], message: 'name at least one source or topic' });
export type KeyPeriodCreate = z.output<typeof keyPeriodCreateSchema>;

export const keyPeriodUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    starts_at: instant,
    ends_at: instant,
    interval_s: z.number().int().min(MIN_INTERVAL_S).max(MAX_INTERVAL_S),
    source_ids: ids,
    topic_ids: ids,
    note: z.string().max(2000),
  })
  .partial()
  .strict();
export type KeyPeriodUpdate = z.output<typeof keyPeriodUpdateSchema>;

export interface KeyPeriodJson {
  id: number;
  name: string;
  starts_at: string;
  ends_at: string;
  interval_s: number;
  source_ids: number[];
  topic_ids: number[];
  note: string;
  /** Whether the window contains the current time. */
  active: boolean;
}
