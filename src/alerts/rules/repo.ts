// Alert rule storage: CRUD with reference checks, each write bumping the version counter in the same
// transaction so every process (ingest workers, the API) recompiles its rules.
import { inTransaction } from '../tx.ts';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { SEVERITY_ZH, type Severity } from '../severity.ts';
import { alertsDb, type AlertsDb, type RuleRow } from '../tables.ts';
import type { RuleCreate, RuleJson, RuleParams, RuleUpdate, Trigger, Watch } from './schema.ts';

/** The rules version every process compares with its cache. */
export async function readRuleVersion(db: AlertsDb): Promise<number> {
  const r = await db.selectFrom('alert_state').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(r?.version ?? 0);
}

async function bumpRuleVersion(db: AlertsDb, now: number): Promise<void> {
  await db.updateTable('alert_state').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', 1).execute();
}

/** JSON form of a rule row. */
export function ruleToJson(r: RuleRow): RuleJson {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    enabled: Number(r.enabled) === 1,
    severity: r.severity,
    severity_zh: SEVERITY_ZH[r.severity as Severity] ?? r.severity,
    trigger: r.trigger as Trigger,
    watch: JSON.parse(r.watch_json) as Watch,
    params: JSON.parse(r.params_json) as RuleParams,
    team_id: r.team_id,
    policy_id: r.policy_id,
    channel_ids: JSON.parse(r.channel_ids_json) as number[],
    created_at: new Date(Number(r.created_at)).toISOString(),
    updated_at: new Date(Number(r.updated_at)).toISOString(),
  };
}

async function checkIds(db: AlertsDb, table: 'topics' | 'teams' | 'escalation_policies' | 'channels', ids: number[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new YqError('YQ_ERR_VALIDATION', `${field}: no such id ${missing}`, { details: { field } });
}

async function checkRefs(ctx: AppContext, r: Partial<RuleCreate>): Promise<void> {
  const db = alertsDb(ctx.store.db);
  if (r.watch?.jurisdiction && ctx.config.jurisdiction.length === 0) {
    throw new YqError('YQ_ERR_VALIDATION', 'watch.jurisdiction: YUQING_JURISDICTION is not configured', { details: { field: 'watch.jurisdiction' } });
  }
  await checkIds(db, 'topics', r.watch?.topics ?? [], 'watch.topics');
  await checkIds(db, 'teams', r.team_id ? [r.team_id] : [], 'team_id');
  await checkIds(db, 'escalation_policies', r.policy_id ? [r.policy_id] : [], 'policy_id');
  await checkIds(db, 'channels', r.channel_ids ?? [], 'channel_ids');
}

async function checkName(db: AlertsDb, name: string, selfId?: number): Promise<void> {
  const other = await db.selectFrom('alert_rules').select('id').where('name', '=', name).executeTakeFirst();
  if (other && other.id !== selfId) throw new YqError('YQ_ERR_CONFLICT', `name: a rule named ${JSON.stringify(name)} exists (id ${other.id})`, { details: { field: 'name' } });
}

/** Create a rule. */
export async function createRule(ctx: AppContext, r: RuleCreate): Promise<RuleJson> {
  const db = alertsDb(ctx.store.db);
  await checkRefs(ctx, r);
  await checkName(db, r.name);
  const now = ctx.clock.now();
  const row = await inTransaction(db, async (trx) => {
    const out = await trx
      .insertInto('alert_rules')
      .values({
        name: r.name, description: r.description, enabled: r.enabled ? 1 : 0, severity: r.severity, trigger: r.trigger,
        watch_json: JSON.stringify(r.watch), params_json: JSON.stringify(r.params), team_id: r.team_id, policy_id: r.policy_id,
        channel_ids_json: JSON.stringify(r.channel_ids), created_at: now, updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpRuleVersion(trx, now);
    return out;
  });
  return ruleToJson(row);
}

/** One rule row by id, or YQ_ERR_NOT_FOUND. */
export async function getRule(ctx: AppContext, id: number): Promise<RuleRow> {
  const r = await alertsDb(ctx.store.db).selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new YqError('YQ_ERR_NOT_FOUND', `alert rule ${id}`);
  return r;
}

/** A rule by numeric id or exact name (the CLI accepts either). */
export async function resolveRule(ctx: AppContext, ref: string): Promise<RuleRow> {
  const byName = await alertsDb(ctx.store.db).selectFrom('alert_rules').selectAll().where('name', '=', ref).executeTakeFirst();
  if (byName) return byName;
  if (/^\d+$/.test(ref)) return getRule(ctx, Number(ref));
  throw new YqError('YQ_ERR_NOT_FOUND', `alert rule ${JSON.stringify(ref)}`);
}

/** All rules by id. */
export async function listRules(ctx: AppContext, opts: { enabledOnly?: boolean } = {}): Promise<RuleRow[]> {
  let q = alertsDb(ctx.store.db).selectFrom('alert_rules').selectAll().orderBy('id');
  if (opts.enabledOnly) q = q.where('enabled', '=', 1);
  return q.execute();
}

/** Change some fields of a rule; the merged rule must still be valid for its trigger. */
export async function updateRule(ctx: AppContext, id: number, u: RuleUpdate): Promise<RuleJson> {
  const cur = ruleToJson(await getRule(ctx, id));
  const db = alertsDb(ctx.store.db);
  await checkRefs(ctx, u);
  if (u.name !== undefined) await checkName(db, u.name, id);
  const trigger = u.trigger ?? cur.trigger;
  const params = u.params ?? cur.params;
  if (trigger === 'event_heat' && params.heat_threshold === undefined) {
    throw new YqError('YQ_ERR_VALIDATION', 'params.heat_threshold: required for the event_heat trigger', { details: { field: 'params.heat_threshold' } });
  }
  const now = ctx.clock.now();
  const row = await inTransaction(db, async (trx) => {
    const out = await trx
      .updateTable('alert_rules')
      .set({
        ...(u.name !== undefined ? { name: u.name } : {}),
        ...(u.description !== undefined ? { description: u.description } : {}),
        ...(u.enabled !== undefined ? { enabled: u.enabled ? 1 : 0 } : {}),
        ...(u.severity !== undefined ? { severity: u.severity } : {}),
        ...(u.trigger !== undefined ? { trigger: u.trigger } : {}),
        ...(u.watch !== undefined ? { watch_json: JSON.stringify(u.watch) } : {}),
        ...(u.params !== undefined ? { params_json: JSON.stringify(u.params) } : {}),
        ...(u.team_id !== undefined ? { team_id: u.team_id } : {}),
        ...(u.policy_id !== undefined ? { policy_id: u.policy_id } : {}),
        ...(u.channel_ids !== undefined ? { channel_ids_json: JSON.stringify(u.channel_ids) } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpRuleVersion(trx, now);
    return out;
  });
  return ruleToJson(row);
}

/** Delete a rule (its past alerts stay, as the record of what happened). */
export async function deleteRule(ctx: AppContext, id: number): Promise<void> {
  await getRule(ctx, id);
  const now = ctx.clock.now();
  await inTransaction(alertsDb(ctx.store.db), async (trx) => {
    await trx.deleteFrom('alert_rules').where('id', '=', id).execute();
    await bumpRuleVersion(trx, now);
  });
}

/** A row for a rule that is not saved (dry runs of a draft). */
export function draftRuleRow(r: RuleCreate, now: number): RuleRow {
  return {
    id: 0, name: r.name, description: r.description, enabled: 1, severity: r.severity, trigger: r.trigger,
    watch_json: JSON.stringify(r.watch), params_json: JSON.stringify(r.params), team_id: r.team_id, policy_id: r.policy_id,
    channel_ids_json: JSON.stringify(r.channel_ids), created_at: now, updated_at: now,
  };
}
