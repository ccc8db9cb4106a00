// Turns the item form's published_at (ISO 8601 or epoch seconds) into epoch milliseconds.
import { zonedToUtc } from '../util/tz.ts';

const MIN_MS = Date.UTC(1990, 0, 1);
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/**
 * Parse published_at. Epoch seconds as a number or digit string; ISO 8601 with an offset as given,
 * without one in the office's time zone. Returns an error text instead of throwing.
 */
export function parsePublishedAt(value: string | number, tz: string, now: number): { ms: number } | { error: string } {
  let ms: number;
  if (typeof value === 'number' || /^\d+(\.\d+)?$/.test(value.trim())) {
    ms = Math.round(Number(value) * 1000);
  } else {
    const s = value.trim();
    const local = ISO_LOCAL.exec(s);
    if (local) {
      const [, y, mo, d, h, mi, se, frac] = local;
      ms = zonedToUtc(tz, +y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(se ?? 0), frac ? Math.round(+`0.${frac}` * 1000) : 0);
      if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31 || +(h ?? 0) > 23 || +(mi ?? 0) > 59) {
        return { error: `not a valid date: ${JSON.stringify(value)}` };
      }
    } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
      ms = Date.parse(s);
    } else {
      return { error: `expected ISO 8601 or epoch seconds, got ${JSON.stringify(value)}` };
    }
  }
  if (!Number.isFinite(ms)) return { error: `not a valid date: ${JSON.stringify(value)}` };
  if (ms < MIN_MS) return { error: `date ${new Date(ms).toISOString()} is before 1990` };
  if (ms > now + FUTURE_SLACK_MS) return { error: `date ${new Date(ms).toISOString()} is in the future` };
  return { ms };
}
