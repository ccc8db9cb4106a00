// Shifts (by day and hour, a primary and a backup each), swaps (one shift on one date handed to someone
// else), holidays and make-up working days (调休), and handovers (who handed the watch to whom, when).
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { alertsDb, type HandoversTable, type HolidaysTable, type ShiftSwapsTable, type ShiftsTable } from '../tables.ts';
import { getTeam, requireIds } from './people.ts';
import type { DayKind, HandoverCreate, HolidayCreate, ShiftCreate, SwapCreate } from './schema.ts';

export type ShiftRow = Selectable<ShiftsTable>;
export type SwapRow = Selectable<ShiftSwapsTable>;
export type HolidayRow = Selectable<HolidaysTable>;
export type HandoverRow = Selectable<HandoversTable>;

/** JSON form of a shift. */
export function shiftToJson(s: ShiftRow): { id: number; team_id: number; label: string; days: DayKind[]; start: string; end: string; primary_id: number; backup_id: number | null } {
  return { id: s.id, team_id: s.team_id, label: s.label, days: JSON.parse(s.days_json) as DayKind[], start: s.start_time, end: s.end_time, primary_id: s.primary_id, backup_id: s.backup_id };
}

/** Add a shift to a team. */
export async function createShift(ctx: AppContext, s: ShiftCreate): Promise<ShiftRow> {
  await getTeam(ctx, s.team_id);
  const db = alertsDb(ctx.store.db);
  await requireIds(db, 'people', [s.primary_id], 'primary_id');
  await requireIds(db, 'people', [s.backup_id], 'backup_id');
  const now = ctx.clock.now();
  return db.insertInto('shifts').values({
    team_id: s.team_id, label: s.label, days_json: JSON.stringify([...new Set(s.days)]), start_time: s.start, end_time: s.end,
    primary_id: s.primary_id, backup_id: s.backup_id, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow();
}

/** A team's shifts (all teams' when no team is given). */
export async function listShifts(ctx: AppContext, teamId?: number): Promise<ShiftRow[]> {
  let q = alertsDb(ctx.store.db).selectFrom('shifts').selectAll().orderBy('team_id').orderBy('start_time').orderBy('id');
  if (teamId !== undefined) q = q.where('team_id', '=', teamId);
  return q.execute();
}

/** Remove a shift (and its swaps). */
export async function deleteShift(ctx: AppContext, id: number): Promise<void> {
  const r = await alertsDb(ctx.store.db).deleteFrom('shifts').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new YqError('YQ_ERR_NOT_FOUND', `shift ${id}`);
}

/** Record a swap: on `date` the shift is covered by other people. A later swap of the same shift and date replaces it. */
export async function createSwap(ctx: AppContext, s: SwapCreate, actor: string): Promise<SwapRow> {
  const db = alertsDb(ctx.store.db);
  await requireIds(db, 'shifts', [s.shift_id], 'shift_id');
  await requireIds(db, 'people', [s.primary_id], 'primary_id');
  await requireIds(db, 'people', [s.backup_id], 'backup_id');
  const values = { shift_id: s.shift_id, date: s.date, primary_id: s.primary_id, backup_id: s.backup_id, reason: s.reason, created_by: s.by ?? actor, created_at: ctx.clock.now() };
  return db.insertInto('shift_swaps').values(values)
    .onConflict((oc) => oc.columns(['shift_id', 'date']).doUpdateSet({ primary_id: values.primary_id, backup_id: values.backup_id, reason: values.reason, created_by: values.created_by, created_at: values.created_at }))
    .returningAll().executeTakeFirstOrThrow();
}

/** Swaps of a team's shifts from a date on. */
export async function listSwaps(ctx: AppContext, teamId: number, fromDate = '0000-00-00'): Promise<SwapRow[]> {
  return alertsDb(ctx.store.db).selectFrom('shift_swaps as w').innerJoin('shifts as s', 's.id', 'w.shift_id')
    .selectAll('w').where('s.team_id', '=', teamId).where('w.date', '>=', fromDate).orderBy('w.date').execute();
}

/** Define (or redefine) a holiday or make-up working day. */
export async function putHoliday(ctx: AppContext, h: HolidayCreate): Promise<HolidayRow> {
  return alertsDb(ctx.store.db).insertInto('holidays').values(h)
    .onConflict((oc) => oc.column('date').doUpdateSet({ name: h.name, kind: h.kind, works_as: h.works_as }))
    .returningAll().executeTakeFirstOrThrow();
}

/** Holidays, by date. */
export async function listHolidays(ctx: AppContext): Promise<HolidayRow[]> {
  return alertsDb(ctx.store.db).selectFrom('holidays').selectAll().orderBy('date').execute();
}

/** Remove a holiday. */
export async function deleteHoliday(ctx: AppContext, date: string): Promise<void> {
  const r = await alertsDb(ctx.store.db).deleteFrom('holidays').where('date', '=', date).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new YqError('YQ_ERR_NOT_FOUND', `holiday ${date}`);
}

/** Record a handover (交接班). */
export async function createHandover(ctx: AppContext, h: HandoverCreate): Promise<HandoverRow> {
  await getTeam(ctx, h.team_id);
  const db = alertsDb(ctx.store.db);
  await requireIds(db, 'people', [h.from_person_id, h.to_person_id], 'from_person_id');
  return db.insertInto('handovers').values({ ...h, at: ctx.clock.now() }).returningAll().executeTakeFirstOrThrow();
}

/** A team's handovers, newest first. */
export async function listHandovers(ctx: AppContext, teamId: number, limit = 50): Promise<HandoverRow[]> {
  return alertsDb(ctx.store.db).selectFrom('handovers').selectAll().where('team_id', '=', teamId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
