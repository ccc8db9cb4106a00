// Holding back low-severity deliveries: a person's quiet hours (office time) and the digest interval.
import { zonedParts, zonedToUtc } from '../../util/tz.ts';
import type { PersonRow } from '../tables.ts';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the person's quiet hours covering `at` end, or null when `at` is outside them (or none are set). */
export function quietUntil(p: Pick<PersonRow, 'quiet_start' | 'quiet_end'>, at: number, tz: string): number | null {
  if (!p.quiet_start || !p.quiet_end) return null;
  const start = minutesOf(p.quiet_start);
  const end = minutesOf(p.quiet_end);
  const z = zonedParts(at, tz);
  const m = z.hour * 60 + z.minute;
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return null;
  // The end is today when it is still ahead of the local time, otherwise tomorrow.
  const dayOffset = m < end ? 0 : 1;
  return zonedToUtc(tz, z.year, z.month, z.day + dayOffset, Math.floor(end / 60), end % 60);
}

/** The next digest boundary strictly after `at` (boundaries every `minutes`, aligned to the epoch). */
export function nextDigestAt(at: number, minutes: number): number {
  const step = minutes * 60_000;
  return (Math.floor(at / step) + 1) * step;
}
