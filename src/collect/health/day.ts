// The office-local calendar day of an instant, as the per-day item counts key it.
import { zonedParts } from '../../util/tz.ts';

/** YYYY-MM-DD of the instant in the zone. */
export function localDay(ms: number, tz: string): string {
  const p = zonedParts(ms, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The local days before the instant's day, newest first (`n` of them). */
export function previousDays(ms: number, tz: string, n: number): string[] {
  const out: string[] = [];
  // Step back in whole days from local noon, so a DST shift never skips or repeats a date.
  const p = zonedParts(ms, tz);
  const noon = Date.UTC(p.year, p.month - 1, p.day, 12);
  for (let i = 1; i <= n; i++) {
    const d = new Date(noon - i * 86_400_000);
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`);
  }
  return out;
}
