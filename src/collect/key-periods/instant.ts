// Instants typed by people: ISO 8601 with an offset, or a local "YYYY-MM-DD[ HH:MM[:SS]]" in the office zone.
import { zonedToUtc } from '../../util/tz.ts';

const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Epoch ms of the text, or null when it is not a date. */
export function parseInstant(text: string, tz: string): number | null {
  const s = text.trim();
  const m = LOCAL.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, se] = m;
    return zonedToUtc(tz, +y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(se ?? 0));
  }
  if (/^\d{4}-\d{2}-\d{2}T.*([zZ]|[+-]\d{2}:?\d{2})$/.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
