// People and teams of the duty roster: CRUD and JSON forms.
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { alertsDb, type AlertsDb, type PersonRow, type TeamsTable } from '../tables.ts';
import type { PersonCreate, PersonUpdate, TeamCreate, TeamUpdate } from './schema.ts';

export type TeamRow = Selectable<TeamsTable>;

export interface PersonJson {
  id: number;
  name: string;
  title: string;
  phone: string | null;
  email: string | null;
  channel_ids: number[];
  quiet_hours: { start: string; end: string } | null;
}

/** JSON form of a person. */
export function personToJson(p: PersonRow): PersonJson {
  return {
    id: p.id, name: p.name, title: p.title, phone: p.phone, email: p.email,
    channel_ids: JSON.parse(p.channel_ids_json) as number[],
    quiet_hours: p.quiet_start && p.quiet_end ? { start: p.quiet_start, end: p.quiet_end } : null,
  };
}

/** Throw YQ_ERR_VALIDATION naming `field` unless every id exists in `table`. */
export async function requireIds(db: AlertsDb, table: 'people' | 'teams' | 'channels' | 'escalation_policies' | 'shifts', ids: (number | null | undefined)[], field: string): Promise<void> {
  const want = ids.filter((x): x is number => typeof x === 'number');
  if (want.length === 0) return;
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', want).execute()).map((r) => r.id));
  const missing = want.find((x) => !found.has(x));
  if (missing !== undefined) throw new YqError('YQ_ERR_VALIDATION', `${field}: no such id ${missing}`, { details: { field } });
}

/** Add a person. */
export async function createPerson(ctx: AppContext, p: PersonCreate): Promise<PersonJson> {
  const db = alertsDb(ctx.store.db);
  await requireIds(db, 'channels', p.channel_ids, 'channel_ids');
  const now = ctx.clock.now();
  const row = await db.insertInto('people').values({
    name: p.name, title: p.title, phone: p.phone, email: p.email, channel_ids_json: JSON.stringify(p.channel_ids),
    quiet_start: p.quiet_hours?.start ?? null, quiet_end: p.quiet_hours?.end ?? null, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  return personToJson(row);
}

/** A person by id, or YQ_ERR_NOT_FOUND. */
export async function getPerson(ctx: AppContext, id: number): Promise<PersonRow> {
  const r = await alertsDb(ctx.store.db).selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new YqError('YQ_ERR_NOT_FOUND', `person ${id}`);
  return r;
}

/** Everyone, by id. */
export async function listPeople(ctx: AppContext): Promise<PersonRow[]> {
  return alertsDb(ctx.store.db).selectFrom('people').selectAll().orderBy('id').execute();
}

/** Change a person. */
export async function updatePerson(ctx: AppContext, id: number, u: PersonUpdate): Promise<PersonJson> {
  await getPerson(ctx, id);
  const db = alertsDb(ctx.store.db);
  if (u.channel_ids) await requireIds(db, 'channels', u.channel_ids, 'channel_ids');
  const row = await db.updateTable('people').set({
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(u.title !== undefined ? { title: u.title } : {}),
    ...(u.phone !== undefined ? { phone: u.phone } : {}),
    ...(u.email !== undefined ? { email: u.email } : {}),
    ...(u.channel_ids !== undefined ? { channel_ids_json: JSON.stringify(u.channel_ids) } : {}),
    ...(u.quiet_hours !== undefined ? { quiet_start: u.quiet_hours?.start ?? null, quiet_end: u.quiet_hours?.end ?? null } : {}),
    updated_at: ctx.clock.now(),
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return personToJson(row);
}

/** Remove a person who is on no shift (swap them out first). */
export async function deletePerson(ctx: AppContext, id: number): Promise<void> {
  await getPerson(ctx, id);
  const db = alertsDb(ctx.store.db);
  const onShift = await db.selectFrom('shifts').select('id').where((eb) => eb.or([eb('primary_id', '=', id), eb('backup_id', '=', id)])).executeTakeFirst();
  if (onShift) throw new YqError('YQ_ERR_CONFLICT', `person ${id} is on shift ${onShift.id}; change the shift first`);
  await db.deleteFrom('people').where('id', '=', id).execute();
}

/** JSON form of a team. */
export function teamToJson(t: TeamRow): { id: number; name: string; chief_id: number | null; leader_id: number | null; policy_id: number | null } {
  return { id: t.id, name: t.name, chief_id: t.chief_id, leader_id: t.leader_id, policy_id: t.policy_id };
}

async function checkTeamRefs(db: AlertsDb, t: Partial<TeamCreate>): Promise<void> {
  await requireIds(db, 'people', [t.chief_id], 'chief_id');
  await requireIds(db, 'people', [t.leader_id], 'leader_id');
  await requireIds(db, 'escalation_policies', [t.policy_id], 'policy_id');
}

/** Add a team. */
export async function createTeam(ctx: AppContext, t: TeamCreate): Promise<TeamRow> {
  const db = alertsDb(ctx.store.db);
  await checkTeamRefs(db, t);
  if (await db.selectFrom('teams').select('id').where('name', '=', t.name).executeTakeFirst()) {
    throw new YqError('YQ_ERR_CONFLICT', `name: a team named ${JSON.stringify(t.name)} exists`, { details: { field: 'name' } });
  }
  const now = ctx.clock.now();
  return db.insertInto('teams').values({ ...t, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
}

/** A team by id, or YQ_ERR_NOT_FOUND. */
export async function getTeam(ctx: AppContext, id: number): Promise<TeamRow> {
  const r = await alertsDb(ctx.store.db).selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new YqError('YQ_ERR_NOT_FOUND', `team ${id}`);
  return r;
}

/** All teams. */
export async function listTeams(ctx: AppContext): Promise<TeamRow[]> {
  return alertsDb(ctx.store.db).selectFrom('teams').selectAll().orderBy('id').execute();
}

/** Change a team. */
export async function updateTeam(ctx: AppContext, id: number, u: TeamUpdate): Promise<TeamRow> {
  await getTeam(ctx, id);
  const db = alertsDb(ctx.store.db);
  await checkTeamRefs(db, u);
  return db.updateTable('teams').set({ ...u, updated_at: ctx.clock.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
