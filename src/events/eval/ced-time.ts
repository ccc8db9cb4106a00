// Parses the time formats of the CED Weibo cascades: epoch seconds, "YYYY-MM-DD HH:MM[:SS]" (Beijing
// time), "MM月DD日 HH:MM" (no year: taken from the cascade's root post, rolled over a new year) and
// "Tue Sep 11 19:23:20 +0800 2012" (the Weibo API's form).
import { zonedToUtc, zonedParts } from '../../util/tz.ts';

const TZ = 'Asia/Shanghai';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTH_DAY = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2}):(\d{2}))?$/;
const API_FORM = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** Year of an instant in Beijing time. */
export function beijingYear(ms: number): number {
  return zonedParts(ms, TZ).year;
}

/**
 * Epoch milliseconds of a CED time value, or null when it cannot be read. `refMs` (the root post's time)
 * supplies the year of "MM月DD日" forms; a date more than a day before it is taken as the next year.
 */
export function parseCedTime(value: unknown, refMs: number | null): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e11 ? value : value * 1000;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^\d{9,10}$/.test(s)) return Number(s) * 1000;
  if (/^\d{12,13}$/.test(s)) return Number(s);
  let m = ISO_LOCAL.exec(s);
  if (m) return zonedToUtc(TZ, +m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = API_FORM.exec(s);
  if (m) {
    const mon = MONTHS.indexOf(m[1]!.toLowerCase());
    if (mon < 0) return null;
    const off = (m[6] === '-' ? -1 : 1) * (+m[7]! * 60 + +m[8]!) * 60_000;
    return Date.UTC(+m[9]!, mon, +m[2]!, +m[3]!, +m[4]!, +m[5]!) - off;
  }
  m = MONTH_DAY.exec(s);
  if (m) {
    if (m[1]) return zonedToUtc(TZ, +m[1], +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0));
    if (refMs === null) return null;
    const y = beijingYear(refMs);
    const t = zonedToUtc(TZ, y, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0));
    return t < refMs - 86_400_000 ? zonedToUtc(TZ, y + 1, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)) : t;
  }
  return null;
}
