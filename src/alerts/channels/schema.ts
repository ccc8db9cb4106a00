// Payload schemas of delivery channels, one per kind. Plain settings are stored as given; every value
// under `secrets` is encrypted at rest (or kept as an `env:NAME` reference) and never shown again.
import { z } from 'zod';

export const CHANNEL_KINDS = ['webhook', 'wecom', 'dingtalk', 'feishu', 'sms', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** Kinds a delivery can have: the channels plus in-app notifications (no channel row). */
export type DeliveryChannelKind = ChannelKind | 'inapp';

const httpUrl = z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL');
const secretValue = z.string().min(1).max(4000);
const headers = z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'header names: letters, digits, -'), z.string().max(2000));

/** Settings per kind (non-secret). */
export const SETTINGS: Record<ChannelKind, z.ZodType> = {
  webhook: z.object({ url: httpUrl, headers: headers.optional() }).strict(),
  // Robots: the token (wecom key, dingtalk access_token, feishu hook id) goes in `secrets.token`.
  wecom: z.object({ url: httpUrl }).strict(),
  dingtalk: z.object({ url: httpUrl }).strict(),
  feishu: z.object({ url: httpUrl }).strict(),
  sms: z
    .object({
      url: httpUrl,
      method: z.enum(['GET', 'POST']).default('POST'),
      /** Body (POST) with {{phone}}, {{text}} and {{secret.NAME}} placeholders; values are escaped for the content type. */
      template: z.string().max(4000).default('{"phone":"{{phone}}","text":"{{text}}"}'),
      content_type: z.enum(['json', 'form']).default('json'),
      headers: headers.optional(),
      /** Lowest severity sent by SMS (texts cost money and wake people). */
      min_severity: z.enum(['general', 'major', 'serious', 'critical']).default('major'),
    })
    .strict(),
  email: z
    .object({
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535).default(587),
      secure: z.boolean().default(false),
      user: z.string().max(255).optional(),
      from: z.string().min(3).max(255),
    })
    .strict(),
};

/** Secret names each kind understands. */
export const SECRET_NAMES: Record<ChannelKind, readonly string[] | 'any'> = {
  webhook: ['secret'],
  wecom: ['token'],
  dingtalk: ['token', 'secret'],
  feishu: ['token', 'secret'],
  sms: 'any',
  email: ['password'],
};

export const secretsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'secret names: lower-case letters, digits, _'), secretValue);

const name = z.string().trim().min(1).max(200);

export const channelCreateSchema = z
  .object({
    name,
    kind: z.enum(CHANNEL_KINDS),
    enabled: z.boolean().default(true),
    settings: z.record(z.string(), z.unknown()).default({}),
    secrets: secretsSchema.default({}),
  })
  .strict();
export type ChannelCreate = z.output<typeof channelCreateSchema>;

export const channelUpdateSchema = z
  .object({
    name,
    enabled: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    /** Replaces the named secrets; a null value removes one; names not given are kept. */
    secrets: z.record(z.string(), secretValue.nullable()),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });
export type ChannelUpdate = z.output<typeof channelUpdateSchema>;

export interface ChannelJson {
  id: number;
  name: string;
  kind: ChannelKind;
  enabled: boolean;
  settings: Record<string, unknown>;
  /** Masked: `******`, or the `env:NAME` reference. */
  secrets: Record<string, string>;
  created_at: string;
  updated_at: string;
}
