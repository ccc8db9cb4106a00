// Payload schemas of alert rules: what a rule watches (watch), what fires it (trigger + params), who
// hears (team, policy, channels). One schema per payload; the CLI validates through the same ones.
import { z } from 'zod';
import { PLATFORMS } from '../../ingest/item-schema.ts';
import { severitySchema } from '../severity.ts';

export const TRIGGERS = ['item', 'new_event', 'event_heat', 'volume_spike', 'source_down'] as const;
export type Trigger = (typeof TRIGGERS)[number];

const ids = z.array(z.number().int().positive()).max(1000);
const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, 'expected a region code of 2, 4, 6 or 9 digits');

export const watchSchema = z
  .object({
    /** Topic ids: the item matched any of them. */
    topics: ids.optional(),
    /** Region codes: the item mentions a place within any of them. */
    regions: z.array(regionCode).max(1000).optional(),
    /** The office's jurisdiction (YUQING_JURISDICTION) counts as one more region. */
    jurisdiction: z.boolean().optional(),
    /** Risk category ids (see the risk taxonomy). */
    risks: z.array(z.string().min(1).max(64)).max(100).optional(),
    /** Lowest risk score that counts (default: any reported category). */
    min_risk_score: z.number().min(0).max(1).optional(),
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
    /** Source keys. */
    sources: z.array(z.string().min(1).max(200)).max(1000).optional(),
    sentiment: z.array(z.enum(['negative', 'neutral', 'positive'])).max(3).optional(),
  })
  .strict();
export type Watch = z.output<typeof watchSchema>;

const thresholds = {
  heat_threshold: z.number().positive().optional(),
  z_threshold: z.number().positive().max(100).optional(),
  min_count: z.number().int().min(1).max(1_000_000).optional(),
  new_event_min_items: z.number().int().min(1).max(100_000).optional(),
};

export const paramsSchema = z
  .object({
    ...thresholds,
    /** One alert per (rule, key) within this window; later items update it. */
    cooldown_minutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
    /** Bundle this rule's low-severity alerts into the periodic digest. */
    digest: z.boolean().optional(),
    /** Items published longer ago than this never fire (imports of history). */
    max_item_age_hours: z.number().positive().max(24 * 365).optional(),
    /** Weeks of same-hour history a volume spike is measured against. */
    baseline_weeks: z.number().int().min(1).max(52).optional(),
    /** Hours after an event's birth during which `new_event` still fires for it. */
    new_event_window_hours: z.number().positive().max(24 * 30).optional(),
    /** Thresholds in force inside a key period (usually lower). */
    key_period: z.object(thresholds).strict().optional(),
  })
  .strict();
export type RuleParams = z.output<typeof paramsSchema>;

const name = z.string().trim().min(1, 'must not be empty').max(200, 'longer than 200 characters');
const nullableId = z.number().int().positive().nullable();

const ruleFields = {
  name,
  description: z.string().max(2000),
  enabled: z.boolean(),
  severity: severitySchema,
  trigger: z.enum(TRIGGERS),
  watch: watchSchema,
  params: paramsSchema,
  team_id: nullableId,
  policy_id: nullableId,
  channel_ids: ids,
};

function checkTrigger(r: { trigger?: Trigger; params?: RuleParams }, c: z.RefinementCtx): void {
  if (r.trigger === 'event_heat' && r.params?.heat_threshold === undefined) {
    c.addIssue({ code: 'custom', path: ['params', 'heat_threshold'], message: 'required for the event_heat trigger' });
  }
}

export const ruleCreateSchema = z
  .object({
    ...ruleFields,
    description: ruleFields.description.default(''),
    enabled: ruleFields.enabled.default(true),
    severity: ruleFields.severity.default('general'),
    watch: watchSchema.default({}),
    params: paramsSchema.default({}),
    team_id: nullableId.default(null),
    policy_id: nullableId.default(null),
    channel_ids: ids.default([]),
  })
  .strict()
  .superRefine(checkTrigger);
export type RuleCreate = z.output<typeof ruleCreateSchema>;

export const ruleUpdateSchema = z
  .object(ruleFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });
export type RuleUpdate = z.output<typeof ruleUpdateSchema>;

export const dryRunSchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(7) }).strict();

export interface RuleJson {
  id: number;
  name: string;
  description: string;
  enabled: boolean;
  severity: string;
  severity_zh: string;
  trigger: Trigger;
  watch: Watch;
  params: RuleParams;
  team_id: number | null;
  policy_id: number | null;
  channel_ids: number[];
  created_at: string;
  updated_at: string;
}
