// The health view of a source: schedule, last success and error, failures, items per day against
// its usual rate, recent checks and down/recovered events.
import type { AppContext } from '../../context.ts';
import { collectDb } from '../register/tables.ts';
import { dailyRate } from './usual-rate.ts';

const iso = (ms: number | null | bigint) => (ms === null ? null : new Date(Number(ms)).toISOString());

export interface SourceHealthJson {
  source_id: number;
  healthy: boolean;
  unhealthy_reason: string | null;
  unhealthy_since: string | null;
  next_check_at: string | null;
  claimed_until: string | null;
  last_check_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  last_warning: string | null;
  consecutive_failures: number;
  items_total: number;
  last_item_at: string | null;
  items_today: number;
  /** Median items per full day over the last 14 days (null before the first full day). */
  usual_daily_rate: number | null;
  daily: { day: string; items: number }[];
  recent_checks: { started_at: string; ok: boolean; items_found: number; items_added: number; error_code: string | null; error: string | null; warning: string | null }[];
  events: { id: number; kind: string; at: string; reason: string }[];
}

/** Health of one source (the source must exist). */
export async function sourceHealth(ctx: AppContext, sourceId: number, createdAt: number): Promise<SourceHealthJson> {
  const db = collectDb(ctx.store.db);
  const now = ctx.clock.now();
  const st = await db.selectFrom('source_state').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
  const rate = await dailyRate(ctx, sourceId, createdAt, now);
  const checks = await db.selectFrom('source_checks').selectAll().where('source_id', '=', sourceId).orderBy('id', 'desc').limit(20).execute();
  const events = await db.selectFrom('source_events').selectAll().where('source_id', '=', sourceId).orderBy('id', 'desc').limit(20).execute();
  return {
    source_id: sourceId,
    healthy: st ? Number(st.healthy) === 1 : true,
    unhealthy_reason: st?.unhealthy_reason ?? null,
    unhealthy_since: iso(st?.unhealthy_since ?? null),
    next_check_at: iso(st?.next_check_at ?? null),
    claimed_until: iso(st?.claimed_until ?? null),
    last_check_at: iso(st?.last_check_at ?? null),
    last_success_at: iso(st?.last_success_at ?? null),
    last_error_at: iso(st?.last_error_at ?? null),
    last_error: st?.last_error ?? null,
    last_error_code: st?.last_error_code ?? null,
    last_warning: st?.last_warning ?? null,
    consecutive_failures: Number(st?.consecutive_failures ?? 0),
    items_total: Number(st?.items_total ?? 0),
    last_item_at: iso(st?.last_item_at ?? null),
    items_today: rate.today,
    usual_daily_rate: rate.median,
    daily: rate.history,
    recent_checks: checks.map((c) => ({
      started_at: iso(c.started_at)!, ok: Number(c.ok) === 1, items_found: Number(c.items_found), items_added: Number(c.items_added),
      error_code: c.error_code, error: c.error, warning: c.warning,
    })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, at: iso(e.at)!, reason: e.reason })),
  };
}
