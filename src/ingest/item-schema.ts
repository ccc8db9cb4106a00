// The one JSON form of an item (API, import, analyze, exports) and its validation.
import { z } from 'zod';

export const PLATFORMS = ['news', 'forum', 'weibo', 'wechat', 'video', 'message_board', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

const count = z.number().int().min(0).max(1e12);

export const metricsSchema = z
  .object({ reposts: count.optional(), comments: count.optional(), likes: count.optional(), views: count.optional() })
  .strict();

const text = (max: number) => z.string().max(max, `longer than ${max} characters`);

/** ISO 8601 string or epoch seconds (a number, or digits in a string). */
export const publishedAtSchema = z.union([z.number().finite(), z.string().min(1)]);

export const itemInputSchema = z
  .object({
    external_id: z.union([text(512), z.number().int()]).transform(String).optional().nullable(),
    url: text(4096).optional().nullable(),
    title: text(2000).optional().nullable(),
    content: text(1_000_000).optional().nullable(),
    author: text(512).optional().nullable(),
    platform: z.enum(PLATFORMS).optional().nullable(),
    published_at: publishedAtSchema.optional().nullable(),
    parent_external_id: z.union([text(512), z.number().int()]).transform(String).optional().nullable(),
    metrics: metricsSchema.optional().nullable(),
    source: text(200).optional().nullable(),
  })
  .strict();

export type ItemInput = z.input<typeof itemInputSchema>;
export type ItemParsed = z.output<typeof itemInputSchema>;
export type Metrics = z.output<typeof metricsSchema>;

/** The JSON form of a stored item as the API and exports return it. */
export interface ItemJson {
  id: number;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string;
  content: string;
  author: string | null;
  platform: Platform;
  published_at: string;
  collected_at: string;
  parent_external_id: string | null;
  metrics: Metrics;
  source: string | null;
  similar_group_id: number | null;
}
