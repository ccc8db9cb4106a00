// Source health events (source_events, written by the collectors) as alerts: each undelivered event is
// claimed once (delivered_at set conditionally) and matched against `source_down` rules; a recovery
// resolves the open alert of that source, which stops its escalation.
import type { AppContext } from '../context.ts';
import { resolveAlert } from './ack.ts';
import { currentRules, type CompiledRule } from './rules/compiled.ts';
import { activeKeyPeriods } from './key-periods/active.ts';
import { recordCandidates } from './evaluate/record.ts';
import { alertsDb } from './tables.ts';
import { wakeDeliveries } from './delivery/bus.ts';

function watches(rule: CompiledRule, source: { key: string; platform: string }): boolean {
  const w = rule.watch;
  if (w.sources?.length && !w.sources.includes(source.key)) return false;
  if (w.platforms?.length && !w.platforms.includes(source.platform as never)) return false;
  return true;
}

/** Handle pending source events; returns how many were taken. */
export async function processSourceEvents(ctx: AppContext, limit = 100): Promise<number> {
  const db = alertsDb(ctx.store.db);
  const now = ctx.clock.now();
  const pending = await db.selectFrom('source_events as e').innerJoin('sources as s', 's.id', 'e.source_id')
    .select(['e.id', 'e.kind', 'e.reason', 'e.source_id', 's.key', 's.name', 's.platform'])
    .where('e.delivered_at', 'is', null).orderBy('e.id').limit(limit).execute();
  if (pending.length === 0) return 0;
  const rules = (await currentRules(ctx)).filter((r) => r.trigger === 'source_down');
  const inKeyPeriod = (await activeKeyPeriods(db, now)).length > 0;
  let taken = 0;
  let fired = false;
  for (const e of pending) {
    const claim = await db.updateTable('source_events').set({ delivered_at: now }).where('id', '=', e.id).where('delivered_at', 'is', null).executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    taken++;
    for (const rule of rules.filter((r) => watches(r, e))) {
      const key = `source:${e.source_id}`;
      if (e.kind === 'source_recovered') {
        const open = await db.selectFrom('alerts').select('id').where('open_slot', '=', `${rule.id}:${key}`).executeTakeFirst();
        if (open) await resolveAlert(db, open.id, now, 'system', `source ${e.name} recovered: ${e.reason}`);
        continue;
      }
      const out = await recordCandidates(ctx, [{
        rule, key, item: null, eventId: null, sourceId: e.source_id, title: `信息源异常：${e.name}`,
        summary: `信息源「${e.name}」（${e.key}）无法正常采集：${e.reason}`, heat: null, z: null, onceOnly: true,
      }], now, inKeyPeriod);
      if (out === 'fired') fired = true;
    }
  }
  if (fired) wakeDeliveries();
  return taken;
}
