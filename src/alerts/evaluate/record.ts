// Records candidates in the database without spam: one alert per (rule, key) per cooldown window —
// later items update it (count, last item, heat) and join its evidence; a near-duplicate of an item
// that already alerted this rule never opens a new alert. A new alert runs the first escalation step.
import { inTransaction } from '../tx.ts';
import type { AppContext } from '../../context.ts';
import { policyFor } from '../escalation/policy.ts';
import { logAlert, runStep } from '../escalation/step.ts';
import { alertsDb, type AlertRow, type AlertsDb } from '../tables.ts';
import type { Candidate } from './triggers.ts';

export type RecordOutcome = 'fired' | 'updated' | 'skipped';

/** Drop candidates whose similar-group already has an item in an alert of this rule. */
async function dropAlertedGroups(db: AlertsDb, ruleId: number, cands: Candidate[]): Promise<Candidate[]> {
  const groups = [...new Set(cands.map((c) => c.item?.similarGroupId).filter((g): g is number => g !== null && g !== undefined))];
  if (groups.length === 0) return cands;
  const seen = new Set((await db
    .selectFrom('alert_items as ai')
    .innerJoin('alerts as a', 'a.id', 'ai.alert_id')
    .innerJoin('items as i', 'i.id', 'ai.item_id')
    .select('i.similar_group_id')
    .distinct()
    .where('a.rule_id', '=', ruleId)
    .where('i.similar_group_id', 'in', groups)
    .execute()).map((r) => r.similar_group_id));
  return cands.filter((c) => c.item?.similarGroupId == null || !seen.has(c.item.similarGroupId));
}

/** Add the candidates' items as evidence and refresh the alert's counters. */
async function addEvidence(db: AlertsDb, alert: AlertRow, cands: Candidate[], at: number): Promise<void> {
  const itemIds = [...new Set(cands.map((c) => c.item?.id).filter((x): x is number => x !== undefined))];
  if (itemIds.length) {
    await db.insertInto('alert_items').values(itemIds.map((item_id) => ({ alert_id: alert.id, item_id, added_at: at })))
      .onConflict((oc) => oc.columns(['alert_id', 'item_id']).doNothing()).execute();
  }
  const n = await db.selectFrom('alert_items').select((eb) => eb.fn.countAll<number>().as('n')).where('alert_id', '=', alert.id).executeTakeFirstOrThrow();
  const last = cands[cands.length - 1]!;
  const heats = cands.map((c) => c.heat).filter((h): h is number => h !== null);
  await db.updateTable('alerts').set({
    item_count: Number(n.n),
    last_item_id: last.item?.id ?? alert.last_item_id,
    heat: heats.length ? Math.max(...heats, alert.heat ?? 0) : alert.heat,
    z_score: last.z ?? alert.z_score,
    updated_at: at,
  }).where('id', '=', alert.id).execute();
}

async function recordOnce(ctx: AppContext, cands: Candidate[], at: number, inKeyPeriod: boolean): Promise<RecordOutcome> {
  const first = cands[0]!;
  const rule = first.rule;
  const slot = `${rule.id}:${first.key}`;
  return inTransaction(alertsDb(ctx.store.db), async (db) => {
    const cur = await db.selectFrom('alerts').selectAll().where('open_slot', '=', slot).executeTakeFirst();
    if (cur && (Number(cur.cooldown_until) > at || first.onceOnly)) {
      await addEvidence(db, cur, cands, at);
      return 'updated';
    }
    const fresh = await dropAlertedGroups(db, rule.id, cands);
    if (fresh.length === 0) return 'skipped';
    if (cur) await db.updateTable('alerts').set({ open_slot: null }).where('id', '=', cur.id).execute();
    const alert = await db.insertInto('alerts').values({
      rule_id: rule.id, rule_name: rule.name, trigger: rule.trigger, dedup_key: first.key, open_slot: slot,
      event_id: first.eventId, source_id: first.sourceId, severity: rule.severity, title: first.title, summary: first.summary,
      status: 'open', item_count: 0, first_item_id: first.item?.id ?? null, last_item_id: null, heat: first.heat, z_score: first.z,
      digest: rule.digest ? 1 : 0, team_id: rule.teamId, policy_id: rule.policyId, in_key_period: inKeyPeriod ? 1 : 0,
      esc_step: 0, esc_cycle: 0, next_escalation_at: null, fired_at: at, updated_at: at, cooldown_until: at + rule.cooldownMs,
      acked_at: null, acked_by: null, ack_note: null,
    }).returningAll().executeTakeFirstOrThrow();
    await addEvidence(db, alert, fresh, at);
    await logAlert(db, alert.id, at, 'fired', 'system', `rule ${rule.name} (${rule.trigger}) key ${first.key}: ${first.summary}`);
    const fired = await db.selectFrom('alerts').selectAll().where('id', '=', alert.id).executeTakeFirstOrThrow();
    const policy = await policyFor(db, rule.policyId, rule.teamId);
    let next: { cycle: number; step: number; at: number } | null;
    if (policy.steps[0]!.after_minutes === 0) {
      next = (await runStep(ctx, db, fired, policy, 0, 0, at, { digest: rule.digest, extraChannels: rule.channelIds })).next;
    } else {
      // The policy starts later: the rule's own channels still hear at once.
      await runStep(ctx, db, fired, { ...policy, steps: [{ after_minutes: 0, notify: rule.channelIds.map((c) => `channel:${c}`) }] }, 0, 0, at, { digest: rule.digest });
      next = { cycle: 0, step: 0, at: at + policy.steps[0]!.after_minutes * 60_000 };
    }
    await db.updateTable('alerts').set({ esc_step: next?.step ?? 0, esc_cycle: next?.cycle ?? 0, next_escalation_at: next?.at ?? null }).where('id', '=', alert.id).execute();
    return 'fired';
  });
}

/** Record one (rule, key) group of candidates, oldest item first. A concurrent opener wins; we then update. */
export async function recordCandidates(ctx: AppContext, cands: Candidate[], at: number, inKeyPeriod: boolean): Promise<RecordOutcome> {
  try {
    return await recordOnce(ctx, cands, at, inKeyPeriod);
  } catch (err) {
    if (!/UNIQUE|unique|duplicate key/.test((err as Error).message)) throw err;
    return recordOnce(ctx, cands, at, inKeyPeriod);
  }
}
