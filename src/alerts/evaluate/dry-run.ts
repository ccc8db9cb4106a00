// Dry run: what a rule would have fired over the last N days of stored items, replayed in publication
// order with the same triggers and the same no-spam logic as live evaluation, but kept in memory: no
// alert, no delivery is written. Event heat is taken as it stood at each item's hour (event_heat).
import type { AppContext } from '../../context.ts';
import { heat24h } from '../../events/heat.ts';
import { inAnyPeriod, keyPeriodsBetween } from '../key-periods/active.ts';
import type { CompiledRule } from '../rules/compiled.ts';
import { alertsDb, type AlertsDb } from '../tables.ts';
import { factsFromStore } from './facts.ts';
import { SpikeProbe, type SpikeReading } from './spike.ts';
import { candidateFor, type EventInfo } from './triggers.ts';

const DAY = 86_400_000;

export interface DryRunAlert {
  key: string;
  fired_at: string;
  title: string;
  summary: string;
  severity: string;
  in_key_period: boolean;
  event_id: number | null;
  item_count: number;
  item_ids: number[];
}

export interface DryRunResult {
  rule_id: number;
  days: number;
  from: string;
  to: string;
  items_scanned: number;
  would_fire: number;
  updates: number;
  alerts: DryRunAlert[];
}

/** Events of the ids with their hourly series, to read heat and size as of an instant. */
async function eventHistory(db: AlertsDb, ids: number[]): Promise<(id: number, at: number) => EventInfo | undefined> {
  const rows = new Map<number, { title: string; first: number }>();
  const series = new Map<number, { hourAt: number; volume: number; heat: number }[]>();
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500);
    for (const e of await db.selectFrom('events').select(['id', 'title', 'first_published_at']).where('id', 'in', chunk).execute()) rows.set(e.id, { title: e.title, first: Number(e.first_published_at) });
    for (const h of await db.selectFrom('event_heat').selectAll().where('event_id', 'in', chunk).execute()) {
      const list = series.get(h.event_id) ?? [];
      list.push({ hourAt: Number(h.hour_at), volume: Number(h.volume), heat: Number(h.heat) });
      series.set(h.event_id, list);
    }
  }
  return (id, at) => {
    const e = rows.get(id);
    if (!e) return undefined;
    const points = (series.get(id) ?? []).filter((p) => p.hourAt <= at);
    return { id, title: e.title, heat: heat24h(points, at), itemCount: points.reduce((s, p) => s + p.volume, 0), createdAt: e.first };
  };
}

/** Replay the rule over the last `days` days ending at the clock's now. */
export async function dryRunRule(ctx: AppContext, rule: CompiledRule, days: number): Promise<DryRunResult> {
  const db = alertsDb(ctx.store.db);
  const to = ctx.clock.now();
  const from = to - days * DAY;
  const facts = await factsFromStore(ctx.store.db, from, to + 1);
  const periods = await keyPeriodsBetween(db, from, to + 1);
  const eventAt = await eventHistory(db, [...new Set(facts.map((f) => f.eventId).filter((e): e is number => e !== null))]);
  const probe = new SpikeProbe(db);
  const readings = new Map<number, Promise<SpikeReading>>();
  const open = new Map<string, { alert: DryRunAlert; until: number; onceOnly: boolean }>();
  const alertedGroups = new Set<number>();
  const alerts: DryRunAlert[] = [];
  let updates = 0;
  for (const f of facts) {
    const at = f.publishedAt;
    const inKeyPeriod = inAnyPeriod(periods, at);
    const ev = f.eventId !== null ? eventAt(f.eventId, at) : undefined;
    const minute = Math.floor(at / 60_000);
    const c = await candidateFor(rule, f, {
      at, inKeyPeriod, events: new Map(ev ? [[ev.id, ev]] : []),
      spike: (r) => {
        let p = readings.get(minute);
        if (!p) readings.set(minute, (p = probe.read(r, at)));
        return p;
      },
    });
    if (!c) continue;
    const cur = open.get(c.key);
    if (cur && (cur.until > at || cur.onceOnly)) {
      if (!cur.alert.item_ids.includes(f.id)) cur.alert.item_ids.push(f.id);
      cur.alert.item_count = cur.alert.item_ids.length;
      updates++;
    } else {
      if (f.similarGroupId !== null && alertedGroups.has(f.similarGroupId)) continue;
      const alert: DryRunAlert = {
        key: c.key, fired_at: new Date(at).toISOString(), title: c.title, summary: c.summary, severity: rule.severity,
        in_key_period: inKeyPeriod, event_id: c.eventId, item_count: 1, item_ids: [f.id],
      };
      alerts.push(alert);
      open.set(c.key, { alert, until: at + rule.cooldownMs, onceOnly: c.onceOnly });
    }
    if (f.similarGroupId !== null) alertedGroups.add(f.similarGroupId);
    if (readings.size > 10_000) readings.clear();
  }
  return {
    rule_id: rule.id, days, from: new Date(from).toISOString(), to: new Date(to).toISOString(),
    items_scanned: facts.length, would_fire: alerts.length, updates, alerts,
  };
}
