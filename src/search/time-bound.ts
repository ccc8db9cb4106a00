// Parses the from/to bounds of a search: ISO 8601 dates or date-times (without an offset: the
// office's time zone) or epoch seconds. A date-only `to` covers that whole day.
import { zonedToUtc } from '../util/tz.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The bound in epoch ms as a half-open range edge: `from` inclusive; `to` is returned exclusive
 * (one ms after a date-time, the next midnight after a date). Null when the text is not a time.
 */
export function parseTimeBound(value: string, tz: string, edge: 'from' | 'to'): number | null {
  const s = value.trim();
  if (/^\d{9,11}$/.test(s)) return Number(s) * 1000 + (edge === 'to' ? 1000 : 0);
  if (WITH_OFFSET.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms + (edge === 'to' ? 1 : 0) : null;
  }
  const m = LOCAL.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se, frac] = m;
  if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31 || +(h ?? 0) > 23 || +(mi ?? 0) > 59 || +(se ?? 0) > 59) return null;
  const ms = zonedToUtc(tz, +y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(se ?? 0), frac ? +frac.padEnd(3, '0') : 0);
  if (edge === 'from') return ms;
  if (h === undefined) return zonedToUtc(tz, +y!, +mo!, +d! + 1);
  // A to-bound without seconds covers its whole minute; with seconds, its whole second.
  return ms + (se === undefined ? 60_000 : frac ? 1 : 1000);
}
