// Escalation policies: ordered steps, each `after_minutes` from the start of a cycle and naming whom to
// notify (the on-duty primary or backup, the team's chief or leader, a person, a channel); the cycle
// repeats `repeat` more times, `repeat_after_minutes` after its last step. Storage and scheduling.
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { alertsDb, type AlertsDb } from '../tables.ts';

export const targetSchema = z.union([
  z.enum(['primary', 'backup', 'chief', 'leader']),
  z.string().regex(/^(person|channel):\d+$/, 'expected primary, backup, chief, leader, person:ID or channel:ID'),
]);
export type Target = z.output<typeof targetSchema>;

export const stepSchema = z.object({ after_minutes: z.number().int().min(0).max(7 * 24 * 60), notify: z.array(targetSchema).min(1).max(20) }).strict();
export type Step = z.output<typeof stepSchema>;

const policyFields = {
  name: z.string().trim().min(1).max(100),
  steps: z.array(stepSchema).min(1).max(20).refine((s) => s.every((x, i) => i === 0 || x.after_minutes > s[i - 1]!.after_minutes), 'after_minutes must increase from step to step'),
  repeat: z.number().int().min(0).max(20),
  repeat_after_minutes: z.number().int().min(1).max(24 * 60),
};
export const policyCreateSchema = z.object({ ...policyFields, repeat: policyFields.repeat.default(0), repeat_after_minutes: policyFields.repeat_after_minutes.default(10) }).strict();
export type PolicyCreate = z.output<typeof policyCreateSchema>;
export const policyUpdateSchema = z.object(policyFields).partial().strict().refine((v) => Object.keys(v).length > 0, 'give at least one field');
export type PolicyUpdate = z.output<typeof policyUpdateSchema>;

export interface Policy {
  id: number | null;
  name: string;
  steps: Step[];
  repeat: number;
  repeat_after_minutes: number;
}

/** Used when neither the rule nor its team names a policy: primary now → backup +10 → chief +20 → leader +30. */
export const DEFAULT_POLICY: Policy = {
  id: null,
  name: '默认升级策略',
  steps: [
    { after_minutes: 0, notify: ['primary'] },
    { after_minutes: 10, notify: ['backup'] },
    { after_minutes: 20, notify: ['chief'] },
    { after_minutes: 30, notify: ['leader'] },
  ],
  repeat: 0,
  repeat_after_minutes: 10,
};

const MIN = 60_000;

/** When the step at (cycle, step) is due for an alert fired at `firedAt`. */
export function stepDueAt(p: Policy, firedAt: number, cycle: number, step: number): number {
  const cycleMs = (p.steps[p.steps.length - 1]!.after_minutes + p.repeat_after_minutes) * MIN;
  return firedAt + cycle * cycleMs + (p.steps[step]?.after_minutes ?? 0) * MIN;
}

/** The position after (cycle, step), or null when the policy is exhausted. */
export function nextPosition(p: Policy, cycle: number, step: number): { cycle: number; step: number } | null {
  if (step + 1 < p.steps.length) return { cycle, step: step + 1 };
  if (cycle < p.repeat) return { cycle: cycle + 1, step: 0 };
  return null;
}

function toPolicy(r: { id: number; name: string; steps_json: string; repeat: number; repeat_after_minutes: number }): Policy {
  return { id: r.id, name: r.name, steps: JSON.parse(r.steps_json) as Step[], repeat: Number(r.repeat), repeat_after_minutes: Number(r.repeat_after_minutes) };
}

/** The policy in force: the rule's, else its team's, else the default. */
export async function policyFor(db: AlertsDb, policyId: number | null, teamId: number | null): Promise<Policy> {
  let id = policyId;
  if (id === null && teamId !== null) id = (await db.selectFrom('teams').select('policy_id').where('id', '=', teamId).executeTakeFirst())?.policy_id ?? null;
  if (id === null) return DEFAULT_POLICY;
  const r = await db.selectFrom('escalation_policies').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPolicy(r) : DEFAULT_POLICY;
}

/** Create a policy. */
export async function createPolicy(ctx: AppContext, p: PolicyCreate): Promise<Policy> {
  const db = alertsDb(ctx.store.db);
  if (await db.selectFrom('escalation_policies').select('id').where('name', '=', p.name).executeTakeFirst()) {
    throw new YqError('YQ_ERR_CONFLICT', `name: a policy named ${JSON.stringify(p.name)} exists`, { details: { field: 'name' } });
  }
  const now = ctx.clock.now();
  return toPolicy(await db.insertInto('escalation_policies').values({
    name: p.name, steps_json: JSON.stringify(p.steps), repeat: p.repeat, repeat_after_minutes: p.repeat_after_minutes, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow());
}

/** All policies. */
export async function listPolicies(ctx: AppContext): Promise<Policy[]> {
  return (await alertsDb(ctx.store.db).selectFrom('escalation_policies').selectAll().orderBy('id').execute()).map(toPolicy);
}

/** Change a policy; alerts already escalating follow the new steps from their next one. */
export async function updatePolicy(ctx: AppContext, id: number, u: PolicyUpdate): Promise<Policy> {
  const db = alertsDb(ctx.store.db);
  const r = await db.updateTable('escalation_policies').set({
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(u.steps !== undefined ? { steps_json: JSON.stringify(u.steps) } : {}),
    ...(u.repeat !== undefined ? { repeat: u.repeat } : {}),
    ...(u.repeat_after_minutes !== undefined ? { repeat_after_minutes: u.repeat_after_minutes } : {}),
    updated_at: ctx.clock.now(),
  }).where('id', '=', id).returningAll().executeTakeFirst();
  if (!r) throw new YqError('YQ_ERR_NOT_FOUND', `escalation policy ${id}`);
  return toPolicy(r);
}
