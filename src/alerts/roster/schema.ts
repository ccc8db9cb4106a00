// Payload schemas of the duty roster (值班表): people, teams, shifts, swaps, holidays and handovers.
import { z } from 'zod';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
/** A shift runs on weekdays and/or on holidays (dates listed as holidays replace their weekday). */
export type DayKind = Day | 'holiday';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (00:00–23:59)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((s) => Number.isFinite(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');
const id = z.number().int().positive();
const ids = z.array(id).max(100);
const name = z.string().trim().min(1).max(100);

const quietHours = z.object({ start: hhmm, end: hhmm }).strict().refine((q) => q.start !== q.end, 'start and end must differ');

const personFields = {
  name,
  /** 职务, e.g. 科长. */
  title: z.string().max(100),
  phone: z.string().regex(/^\+?[0-9 -]{5,20}$/, 'expected a phone number').nullable(),
  email: z.string().email().max(255).nullable(),
  /** Personal robot/webhook channels. */
  channel_ids: ids,
  /** Low-severity alerts wait until the end of these hours (office time), except inside key periods. */
  quiet_hours: quietHours.nullable(),
};

export const personCreateSchema = z
  .object({
    ...personFields,
    title: personFields.title.default(''),
    phone: personFields.phone.default(null),
    email: personFields.email.default(null),
    channel_ids: ids.default([]),
    quiet_hours: personFields.quiet_hours.default(null),
  })
  .strict();
export type PersonCreate = z.output<typeof personCreateSchema>;
export const personUpdateSchema = z.object(personFields).partial().strict().refine((v) => Object.keys(v).length > 0, 'give at least one field');
export type PersonUpdate = z.output<typeof personUpdateSchema>;

const teamFields = {
  name,
  /** 科长: escalation target `chief`. */
  chief_id: id.nullable(),
  /** 分管领导: escalation target `leader`. */
  leader_id: id.nullable(),
  policy_id: id.nullable(),
};
export const teamCreateSchema = z
  .object({ ...teamFields, chief_id: teamFields.chief_id.default(null), leader_id: teamFields.leader_id.default(null), policy_id: teamFields.policy_id.default(null) })
  .strict();
export type TeamCreate = z.output<typeof teamCreateSchema>;
export const teamUpdateSchema = z.object(teamFields).partial().strict().refine((v) => Object.keys(v).length > 0, 'give at least one field');
export type TeamUpdate = z.output<typeof teamUpdateSchema>;

export const shiftCreateSchema = z
  .object({
    team_id: id,
    label: z.string().max(100).default(''),
    days: z.array(z.enum([...DAYS, 'holiday'])).min(1).max(8),
    /** Start and end in office time; an end at or before the start runs past midnight (夜班). */
    start: hhmm,
    end: hhmm,
    primary_id: id,
    backup_id: id.nullable().default(null),
  })
  .strict();
export type ShiftCreate = z.output<typeof shiftCreateSchema>;

export const swapCreateSchema = z
  .object({ shift_id: id, date, primary_id: id.nullable().default(null), backup_id: id.nullable().default(null), reason: z.string().max(500).default(''), by: z.string().max(100).optional() })
  .strict()
  .refine((s) => s.primary_id !== null || s.backup_id !== null, { path: ['primary_id'], message: 'give primary_id and/or backup_id' });
export type SwapCreate = z.output<typeof swapCreateSchema>;

export const holidayCreateSchema = z
  .object({ date, name: z.string().trim().min(1).max(100), kind: z.enum(['holiday', 'workday']).default('holiday'), works_as: z.enum(DAYS).nullable().default(null) })
  .strict()
  .refine((h) => h.kind === 'holiday' || h.works_as !== null, { path: ['works_as'], message: 'a make-up working day (调休) names the weekday it works as' });
export type HolidayCreate = z.output<typeof holidayCreateSchema>;

export const handoverCreateSchema = z
  .object({ team_id: id, from_person_id: id, to_person_id: id, note: z.string().max(2000).default('') })
  .strict();
export type HandoverCreate = z.output<typeof handoverCreateSchema>;

export const rosterNowQuerySchema = z.object({ team: z.coerce.number().int().positive(), at: z.string().optional() }).strict();
