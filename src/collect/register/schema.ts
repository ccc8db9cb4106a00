// The one schema per payload of the source register: create, update, and the JSON form returned.
import { z } from 'zod';
import { PLATFORMS } from '../../ingest/item-schema.ts';

export const SOURCE_KINDS = ['feed', 'html', 'sitemap', 'json_api', 'push'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const sourceKindSchema = z.enum(SOURCE_KINDS);

/** Shortest and longest polling intervals accepted (seconds). */
export const MIN_INTERVAL_S = 30;
export const MAX_INTERVAL_S = 7 * 24 * 3600;

const httpUrl = z
  .string()
  .max(4096)
  .refine((u) => /^https?:\/\/[^\s/]+/i.test(u) && URL.canParse(u), 'must be an absolute http(s) URL');

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not a known IANA time zone');

const fields = {
  key: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/i, 'letters, digits, _ . - (at most 64)'),
  name: z.string().trim().min(1).max(200),
  kind: sourceKindSchema,
  url: httpUrl.nullable(),
  platform: z.enum(PLATFORMS),
  region: z.string().max(100).nullable(),
  owner_org: z.string().max(200).nullable(),
  contact_person: z.string().max(100).nullable(),
  contact_phone: z.string().max(50).nullable(),
  interval_s: z.number().int().min(MIN_INTERVAL_S).max(MAX_INTERVAL_S),
  enabled: z.boolean(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
  timezone: timezone.nullable(),
  /** Collector settings of the kind (selectors, field mapping...); checked by the collector. */
  settings: z.record(z.string(), z.unknown()),
};

export const sourceCreateSchema = z
  .object({
    ...fields,
    key: fields.key.optional(),
    url: fields.url.optional(),
    platform: fields.platform.default('news'),
    region: fields.region.optional(),
    owner_org: fields.owner_org.optional(),
    contact_person: fields.contact_person.optional(),
    contact_phone: fields.contact_phone.optional(),
    interval_s: fields.interval_s.default(600),
    enabled: fields.enabled.default(true),
    tags: fields.tags.default([]),
    timezone: fields.timezone.optional(),
    settings: fields.settings.default({}),
  })
  .strict()
  .refine((s) => s.kind === 'push' || !!s.url, { path: ['url'], message: 'required for every kind except push' });
export type SourceCreate = z.output<typeof sourceCreateSchema>;

export const sourceUpdateSchema = z
  .object({ ...fields })
  .partial()
  .extend({ rotate_push_token: z.boolean().optional() })
  .strict();
export type SourceUpdate = z.output<typeof sourceUpdateSchema>;

/** The JSON form of a registered source. */
export interface SourceJson {
  id: number;
  key: string;
  name: string;
  kind: SourceKind;
  url: string | null;
  platform: string;
  region: string | null;
  owner_org: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  interval_s: number;
  enabled: boolean;
  tags: string[];
  timezone: string | null;
  settings: Record<string, unknown>;
  has_push_token: boolean;
  created_at: string;
  updated_at: string;
}
