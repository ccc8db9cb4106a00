// A source's usual rate: the median of its items per day over the last 14 local days (days before
// it was registered do not count), so one burst or one quiet day does not move it.
import type { AppContext } from '../../context.ts';
import { collectDb } from '../register/tables.ts';
import { localDay, previousDays } from './day.ts';

export const USUAL_RATE_DAYS = 14;

export interface DailyRate {
  /** Median items per day over the counted days; null when no full day is known yet. */
  median: number | null;
  /** Full local days counted. */
  days: number;
  today: number;
  history: { day: string; items: number }[];
}

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Items per day of the source against its usual rate. */
export async function dailyRate(ctx: AppContext, sourceId: number, createdAt: number, now: number): Promise<DailyRate> {
  const tz = ctx.config.timezone;
  const firstDay = localDay(createdAt, tz);
  // Only full days after registration: the day it was added is partial.
  const days = previousDays(now, tz, USUAL_RATE_DAYS).filter((d) => d > firstDay);
  const today = localDay(now, tz);
  const rows = await collectDb(ctx.store.db)
    .selectFrom('source_daily_counts')
    .select(['day', 'items'])
    .where('source_id', '=', sourceId)
    .where('day', 'in', [...days, today])
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, Number(r.items)]));
  const history = days.map((day) => ({ day, items: byDay.get(day) ?? 0 }));
  return {
    median: history.length ? median(history.map((h) => h.items)) : null,
    days: history.length,
    today: byDay.get(today) ?? 0,
    history,
  };
}
