// Situation-report settings of a key period: how often (e.g. every 4 hours) and to whom (the on-duty
// people of a team, named people, channels). The period itself lives in the collectors' key_periods.
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { requireIds } from '../roster/people.ts';
import { alertsDb, type SituationReportsTable } from '../tables.ts';

export const reportConfigSchema = z
  .object({
    every_minutes: z.number().int().min(10).max(7 * 24 * 60).default(240),
    team_id: z.number().int().positive().nullable().default(null),
    person_ids: z.array(z.number().int().positive()).max(100).default([]),
    channel_ids: z.array(z.number().int().positive()).max(100).default([]),
  })
  .strict()
  .refine((r) => r.team_id !== null || r.person_ids.length + r.channel_ids.length > 0, { path: ['person_ids'], message: 'name a team, people or channels to send the report to' });
export type ReportConfig = z.output<typeof reportConfigSchema>;

export type ReportRow = Selectable<SituationReportsTable>;

/** JSON form. */
export function reportToJson(r: ReportRow): Record<string, unknown> {
  return {
    key_period_id: r.key_period_id, every_minutes: r.every_minutes, team_id: r.team_id,
    person_ids: JSON.parse(r.person_ids_json) as number[], channel_ids: JSON.parse(r.channel_ids_json) as number[],
    last_sent_at: r.last_sent_at === null ? null : new Date(Number(r.last_sent_at)).toISOString(),
  };
}

/** Set (or replace) the report settings of a key period. */
export async function putReportConfig(ctx: AppContext, keyPeriodId: number, c: ReportConfig): Promise<ReportRow> {
  const db = alertsDb(ctx.store.db);
  if (!(await db.selectFrom('key_periods').select('id').where('id', '=', keyPeriodId).executeTakeFirst())) throw new YqError('YQ_ERR_NOT_FOUND', `key period ${keyPeriodId}`);
  await requireIds(db, 'teams', [c.team_id], 'team_id');
  await requireIds(db, 'people', c.person_ids, 'person_ids');
  await requireIds(db, 'channels', c.channel_ids, 'channel_ids');
  const now = ctx.clock.now();
  const v = { every_minutes: c.every_minutes, team_id: c.team_id, person_ids_json: JSON.stringify(c.person_ids), channel_ids_json: JSON.stringify(c.channel_ids), updated_at: now };
  return db.insertInto('situation_reports').values({ key_period_id: keyPeriodId, ...v, last_sent_at: null, created_at: now })
    .onConflict((oc) => oc.column('key_period_id').doUpdateSet(v)).returningAll().executeTakeFirstOrThrow();
}

/** All report settings. */
export async function listReportConfigs(ctx: AppContext): Promise<ReportRow[]> {
  return alertsDb(ctx.store.db).selectFrom('situation_reports').selectAll().orderBy('key_period_id').execute();
}
