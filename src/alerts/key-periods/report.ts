// Situation reports (舆情专报) inside key periods: on each period's cadence, a summary of the window
// since the last report — new items, new events (the hottest named), open alerts — goes to the
// period's recipients. The send time is claimed with a conditional UPDATE, so one process sends it.
import { inTransaction } from '../tx.ts';
import type { AppContext } from '../../context.ts';
import { enqueueNotifications } from '../dispatch/enqueue.ts';
import { resolveTargets } from '../dispatch/recipients.ts';
import { localTime } from '../dispatch/alert-message.ts';
import { clip, subjectPrefix, type Message } from '../message.ts';
import { alertsDb, type AlertsDb } from '../tables.ts';
import { wakeDeliveries } from '../delivery/bus.ts';

/** The report of (from, to] for a period. */
export async function buildReport(ctx: AppContext, db: AlertsDb, periodName: string, from: number, to: number): Promise<Message> {
  const count = async (q: Promise<{ n: number } | undefined>) => Number((await q)?.n ?? 0);
  const items = await count(db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('published_at', '>', from).where('published_at', '<=', to).executeTakeFirst());
  const events = await db.selectFrom('events').select(['id', 'title', 'heat', 'item_count']).where('status', '=', 'open').where('created_at', '>', from).where('created_at', '<=', to).orderBy('heat', 'desc').limit(5).execute();
  const newEvents = await count(db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>', from).where('created_at', '<=', to).executeTakeFirst());
  const open = await db.selectFrom('alerts').select(['id', 'title', 'severity', 'fired_at']).where('status', '=', 'open').orderBy('fired_at', 'desc').limit(10).execute();
  const tz = ctx.config.timezone;
  return {
    kind: 'report',
    severity: 'general',
    title: `${subjectPrefix('report', 'general')}${periodName}（${localTime(from, tz)} 至 ${localTime(to, tz)}）`,
    lines: [
      `新增信息 ${items} 条，新增事件 ${newEvents} 个，未确认预警 ${open.length} 条。`,
      ...events.map((e, i) => `热点${i + 1}：${clip(e.title, 60)}（${e.item_count} 条，热度 ${Number(e.heat)}）`),
      ...open.map((a) => `未确认预警 #${a.id}：${clip(a.title, 60)}（${localTime(Number(a.fired_at), tz)}）`),
    ],
    items: [],
    alert_id: null,
    ack_url: null,
    data: { period: periodName, from: new Date(from).toISOString(), to: new Date(to).toISOString(), new_items: items, new_events: newEvents, open_alerts: open.map((a) => a.id) },
  };
}

/** Send every report that is due now; returns how many went out. */
export async function sendDueReports(ctx: AppContext): Promise<number> {
  const db = alertsDb(ctx.store.db);
  const now = ctx.clock.now();
  const due = await db.selectFrom('situation_reports as r').innerJoin('key_periods as k', 'k.id', 'r.key_period_id')
    .select(['r.id', 'r.every_minutes', 'r.team_id', 'r.person_ids_json', 'r.channel_ids_json', 'r.last_sent_at', 'k.name', 'k.starts_at'])
    .where('k.starts_at', '<=', now).where('k.ends_at', '>', now).execute();
  let sent = 0;
  for (const r of due) {
    const last = r.last_sent_at === null ? null : Number(r.last_sent_at);
    if (last !== null && now - last < r.every_minutes * 60_000) continue;
    const ok = await inTransaction(db, async (trx) => {
      let q = trx.updateTable('situation_reports').set({ last_sent_at: now }).where('id', '=', r.id);
      q = last === null ? q.where('last_sent_at', 'is', null) : q.where('last_sent_at', '=', last);
      if (Number((await q.executeTakeFirst()).numUpdatedRows) !== 1) return false;
      const from = last ?? Number(r.starts_at);
      const msg = await buildReport(ctx, trx, r.name, from, now);
      const targets = [...(r.team_id !== null ? (['primary'] as const) : []), ...(JSON.parse(r.person_ids_json) as number[]).map((id) => `person:${id}` as const)];
      const who = await resolveTargets(trx, ctx.config.timezone, r.team_id, targets, now);
      await enqueueNotifications(ctx, trx, {
        alertId: null, kind: 'report', severity: 'general', message: () => msg, persons: who.persons,
        channelIds: [...who.channelIds, ...(JSON.parse(r.channel_ids_json) as number[])], at: now, digest: false, inKeyPeriod: true, broadcastIfNobody: true,
      });
      return true;
    });
    if (ok) sent++;
  }
  if (sent) wakeDeliveries();
  return sent;
}
