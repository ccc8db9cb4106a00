// Key periods (重点时段, defined by the collectors' key_periods table) as alerting sees them: the whole
// office is on heightened watch while any period is active — rules use their key-period thresholds,
// and personal quiet hours no longer hold back low-severity alerts.
import type { AlertsDb } from '../tables.ts';

export interface PeriodSpan {
  id: number;
  name: string;
  startsAt: number;
  endsAt: number;
}

/** Periods overlapping [from, to). */
export async function keyPeriodsBetween(db: AlertsDb, from: number, to: number): Promise<PeriodSpan[]> {
  const rows = await db.selectFrom('key_periods').select(['id', 'name', 'starts_at', 'ends_at'])
    .where('starts_at', '<', to).where('ends_at', '>', from).orderBy('starts_at').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, startsAt: Number(r.starts_at), endsAt: Number(r.ends_at) }));
}

/** Periods active at `at`. */
export async function activeKeyPeriods(db: AlertsDb, at: number): Promise<PeriodSpan[]> {
  return keyPeriodsBetween(db, at, at + 1);
}

/** True when one of the spans contains `at`. */
export function inAnyPeriod(spans: readonly PeriodSpan[], at: number): boolean {
  return spans.some((s) => s.startsAt <= at && at < s.endsAt);
}
