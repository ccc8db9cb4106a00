// Live evaluation of a batch of newly stored items against every enabled rule: candidates are grouped
// by (rule, key) so a burst of 500 items of one story is one alert plus one update per batch.
import type { AppContext } from '../../context.ts';
import { currentRules, type CompiledRule } from '../rules/compiled.ts';
import type { ItemFacts } from '../rules/watch.ts';
import { activeKeyPeriods } from '../key-periods/active.ts';
import { alertsDb, type AlertsDb } from '../tables.ts';
import { recordCandidates, type RecordOutcome } from './record.ts';
import { SpikeProbe, type SpikeReading } from './spike.ts';
import { candidateFor, type Candidate, type EventInfo } from './triggers.ts';

const probes = new WeakMap<object, SpikeProbe>();

/** Event rows of the given ids, as triggers need them. */
export async function loadEvents(db: AlertsDb, ids: number[]): Promise<Map<number, EventInfo>> {
  const out = new Map<number, EventInfo>();
  for (let k = 0; k < ids.length; k += 500) {
    const rows = await db.selectFrom('events').select(['id', 'title', 'heat', 'item_count', 'created_at']).where('id', 'in', ids.slice(k, k + 500)).execute();
    for (const r of rows) out.set(r.id, { id: r.id, title: r.title, heat: Number(r.heat), itemCount: Number(r.item_count), createdAt: Number(r.created_at) });
  }
  return out;
}

/** Candidates of the items for the rules, grouped by rule and key in item order. */
export async function collectCandidates(
  rules: CompiledRule[], facts: ItemFacts[], at: number, inKeyPeriod: boolean, events: Map<number, EventInfo>, spike: (r: CompiledRule) => Promise<SpikeReading>,
): Promise<Map<string, Candidate[]>> {
  const groups = new Map<string, Candidate[]>();
  const readings = new Map<number, Promise<SpikeReading>>();
  const tc = {
    at, inKeyPeriod, events,
    spike: (r: CompiledRule) => {
      let p = readings.get(r.id);
      if (!p) readings.set(r.id, (p = spike(r)));
      return p;
    },
  };
  for (const rule of rules) {
    for (const f of facts) {
      const c = await candidateFor(rule, f, tc);
      if (!c) continue;
      const k = `${rule.id}\u0000${c.key}`;
      const list = groups.get(k);
      if (list) list.push(c);
      else groups.set(k, [c]);
    }
  }
  return groups;
}

/** Evaluate stored items (post-commit) and record alerts; returns the outcomes by kind. */
export async function evaluateItems(ctx: AppContext, facts: ItemFacts[]): Promise<Record<RecordOutcome, number>> {
  const counts: Record<RecordOutcome, number> = { fired: 0, updated: 0, skipped: 0 };
  const rules = (await currentRules(ctx)).filter((r) => r.trigger !== 'source_down');
  if (rules.length === 0 || facts.length === 0) return counts;
  const db = alertsDb(ctx.store.db);
  const at = ctx.clock.now();
  const inKeyPeriod = (await activeKeyPeriods(db, at)).length > 0;
  const eventIds = [...new Set(facts.map((f) => f.eventId).filter((e): e is number => e !== null))];
  const needsEvents = rules.some((r) => r.trigger === 'new_event' || r.trigger === 'event_heat' || r.trigger === 'item');
  const events = needsEvents ? await loadEvents(db, eventIds) : new Map<number, EventInfo>();
  let probe = probes.get(ctx.store);
  if (!probe) probes.set(ctx.store, (probe = new SpikeProbe(db)));
  const p = probe;
  const groups = await collectCandidates(rules, facts, at, inKeyPeriod, events, (r) => p.read(r, at));
  for (const cands of groups.values()) counts[await recordCandidates(ctx, cands, at, inKeyPeriod)]++;
  return counts;
}
