// Parses the date forms Chinese sites and feeds print into UTC epoch ms, reading wall-clock
// times in the source's time zone: absolute, year-less, relative (3分钟前, 昨天 12:00), epoch, RFC 822, ISO.
import { zonedParts, zonedToUtc } from '../util/tz.ts';

export interface DateOptions {
  /** IANA zone of the source's wall-clock times (Asia/Shanghai unless the source says otherwise). */
  tz: string;
  /** The current instant; relative and year-less dates are resolved against it. */
  now: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A year-less date up to this far ahead of now is a clock skew, not last year. */
const FUTURE_SLACK = 10 * MIN;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0, est: -5, edt: -4, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7,
  bjt: 8, cct: 8, hkt: 8, awst: 8, jst: 9, kst: 9,
};
const CHINA_ZONES = /^(Asia\/(Shanghai|Chongqing|Harbin|Urumqi|Hong_Kong|Macau|Taipei)|PRC|ROC)$/;
const UNITS: Record<string, number> = {
  秒: 1000, 秒钟: 1000, 分: MIN, 分钟: MIN, 小时: HOUR, 个小时: HOUR, 钟头: HOUR, 个钟头: HOUR,
  天: DAY, 日: DAY, 周: 7 * DAY, 星期: 7 * DAY, 个星期: 7 * DAY, 个月: 30 * DAY, 月: 30 * DAY, 年: 365 * DAY,
};
const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Full-width digits and punctuation to ASCII, ideographic spaces to spaces. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0\s]+/g, ' ').trim();
}

/** Small Chinese or Arabic numbers as counts: 3, 十, 十五, 二十, 半 (0.5). */
function count(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  if (s === '几') return 3;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const tens = m[2] ? (m[1] ? CN_DIGITS[m[1]]! : 1) : 0;
  const ones = m[2] ? (m[3] ? CN_DIGITS[m[3]]! : 0) : CN_DIGITS[m[1]!]!;
  return tens * 10 + ones;
}

/** 12-hour words (下午 3:30 → 15:30). */
function hour24(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  if (/下午|晚上|晚|pm/i.test(meridiem) && h < 12) return h + 12;
  if (/凌晨|上午|早上|am/i.test(meridiem) && h === 12) return 0;
  return h;
}

/** Offset in minutes for a zone token (+0800, +08:00, GMT, CST), or null for "use the source's zone". */
function zoneMinutes(token: string | undefined, tz: string): number | null {
  if (!token) return null;
  const num = /^([+-])(\d{2}):?(\d{2})$/.exec(token);
  if (num) return (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3]));
  const t = token.toLowerCase();
  // "CST" is US Central in RFC 822 but China Standard Time on Chinese servers.
  if (t === 'cst') return CHINA_ZONES.test(tz) ? 480 : -360;
  const h = ZONES[t];
  return h === undefined ? null : h * 60;
}

type Parts = { y: number; mo: number; d: number; h?: number; mi?: number; s?: number; frac?: number; zone?: number | null };

/** Compose validated wall-clock parts into UTC ms; null when the date does not exist. */
function compose(p: Parts, tz: string): number | null {
  const { y, mo, d, h = 0, mi = 0, s = 0, frac = 0 } = p;
  if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  if (p.zone !== undefined && p.zone !== null) return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), frac) - p.zone * MIN;
  return zonedToUtc(tz, y, mo, d, h, mi, Math.min(s, 59), frac);
}

/** The latest instant with this month/day (and time) that is not in the future. */
function withoutYear(p: Omit<Parts, 'y'>, o: DateOptions): number | null {
  const year = zonedParts(o.now, o.tz).year;
  const t = compose({ ...p, y: year }, o.tz);
  if (t !== null && t <= o.now + FUTURE_SLACK) return t;
  return compose({ ...p, y: year - 1 }, o.tz);
}

function dayOffset(o: DateOptions, days: number, h = 0, mi = 0, s = 0): number | null {
  const today = zonedParts(o.now, o.tz);
  const base = Date.UTC(today.year, today.month - 1, today.day) - days * DAY;
  const d = new Date(base);
  return compose({ y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h, mi, s }, o.tz);
}

const num = (x: string | undefined): number | undefined => (x === undefined ? undefined : Number(x));
const fracMs = (x: string | undefined): number => (x ? Math.round(Number(`0.${x}`) * 1000) : 0);

const TIME = String.raw`(上午|下午|晚上|凌晨|中午|早上)?\s*(\d{1,2})[:时點点](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,9}))?秒?)?\s*(am|pm)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC|CST|BJT)?`;

type Rule = [RegExp, (m: RegExpExecArray, o: DateOptions) => number | null];
const RULES: Rule[] = [
  // Epoch seconds / milliseconds.
  [/^(\d{9,10})(?:\.(\d+))?$/, (m) => Number(m[1]) * 1000 + fracMs(m[2])],
  [/^(\d{12,13})$/, (m) => Number(m[1])],
  // 2024-02-01 15:30, 2024/2/1, 2024.02.01, 2024年2月1日 下午3:30, ISO 8601 with or without offset.
  [new RegExp(String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s*(?:T|\s|,)?\s*${TIME}${ZONE})?(?![\d])`, 'i'), (m, o) =>
    compose({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: m[5] ? hour24(+m[5], m[4] ?? m[9]) : 0, mi: num(m[6]), s: num(m[7]), frac: fracMs(m[8]), zone: zoneMinutes(m[10], o.tz) }, o.tz)],
  // RFC 822/1123: "Tue, 11 Sep 2012 19:23:20 +0800", also "11 9月 2012" from localised servers.
  [/(\d{1,2})\s+([A-Za-z]{3,9}\.?|\d{1,2}月)\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?/, (m, o) => {
    const mo = /月/.test(m[2]!) ? parseInt(m[2]!, 10) : MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    const y = m[3]!.length === 2 ? (+m[3]! < 50 ? 2000 : 1900) + +m[3]! : +m[3]!;
    return mo ? compose({ y, mo, d: +m[1]!, h: +m[4]!, mi: +m[5]!, s: num(m[6]), zone: zoneMinutes(m[7], o.tz) }, o.tz) : null;
  }],
  // Weibo and asctime: "Tue Sep 11 19:23:20 +0800 2012".
  [/([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:([+-]\d{4}|[A-Za-z]{2,5})\s+)?(\d{4})/, (m, o) => {
    const mo = MONTHS[m[1]!.toLowerCase()];
    return mo ? compose({ y: +m[7]!, mo, d: +m[2]!, h: +m[3]!, mi: +m[4]!, s: +m[5]!, zone: zoneMinutes(m[6], o.tz) }, o.tz) : null;
  }],
  [/^(刚刚|刚才|just now)$/i, (_m, o) => o.now],
  [/(\d+|[一二两三四五六七八九十]+|半|几)\s*(秒钟|秒|分钟|分|个小时|小时|个钟头|钟头|天|日|个星期|星期|周|个月|月|年)\s*(?:以)?前/, (m, o) => {
    const n = count(m[1]!);
    return n === null ? null : o.now - Math.round(n * UNITS[m[2]!]!);
  }],
  [new RegExp(String.raw`(今天|今日|昨天|昨日|前天)\s*(?:${TIME})?`), (m, o) => {
    const days = /今/.test(m[1]!) ? 0 : /昨/.test(m[1]!) ? 1 : 2;
    return dayOffset(o, days, m[3] ? hour24(+m[3], m[2] ?? m[7]) : 0, num(m[4]), num(m[5]));
  }],
  // 2月1日 15:30 / 02-01 15:30 / 02/01: no year, so the most recent one not in the future.
  [new RegExp(String.raw`(?<![\d/-])(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]|[-/](\d{1,2})(?![\d/-]))(?:\s*${TIME})?`), (m, o) =>
    withoutYear({ mo: +m[1]!, d: +(m[2] ?? m[3])!, h: m[5] ? hour24(+m[5], m[4] ?? m[9]) : 0, mi: num(m[6]), s: num(m[7]) }, o)],
  // A bare time: today's (or yesterday's when that would be in the future).
  [/^(\d{1,2}):(\d{2})(?::(\d{2}))?$/, (m, o) => {
    const t = dayOffset(o, 0, +m[1]!, +m[2]!, num(m[3]));
    return t !== null && t > o.now + FUTURE_SLACK ? dayOffset(o, 1, +m[1]!, +m[2]!, num(m[3])) : t;
  }],
];

/** Parse a date as Chinese sites and feeds print it; epoch ms UTC, or null when nothing date-like is found. */
export function parseChineseDate(s: string, opts: DateOptions): number | null {
  const text = toHalfWidth(s);
  if (!text) return null;
  for (const [re, build] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    const t = build(m, opts);
    if (t !== null && Number.isFinite(t)) return t;
  }
  return null;
}

/** parseChineseDate as an ISO 8601 string, or undefined. */
export function chineseDateIso(s: string | null | undefined, opts: DateOptions): string | undefined {
  if (!s) return undefined;
  const t = parseChineseDate(s, opts);
  return t === null ? undefined : new Date(t).toISOString();
}
