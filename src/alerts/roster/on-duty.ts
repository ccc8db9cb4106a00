// Who is on duty for a team at an instant (office time zone): the shift covering that local time — a
// night shift that started yesterday included — on the day's kind (weekday, holiday, or the weekday a
// make-up working day works as), with a swap for that shift and date taking precedence.
import { zonedParts } from '../../util/tz.ts';
import type { AlertsDb, PersonRow } from '../tables.ts';
import { DAYS, type DayKind } from './schema.ts';
import type { ShiftRow } from './shifts.ts';

export interface OnDuty {
  team_id: number;
  /** Local date the covering shift started on (YYYY-MM-DD). */
  date: string | null;
  day_kind: DayKind | null;
  shift: ShiftRow | null;
  primary: PersonRow | null;
  backup: PersonRow | null;
  /** The swap applied, if any. */
  swap_id: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Local date of the instant and the date before, plus the minute of the day. */
function localDates(at: number, tz: string): { today: string; yesterday: string; minute: number } {
  const p = zonedParts(at, tz);
  const y = new Date(Date.UTC(p.year, p.month - 1, p.day - 1));
  return {
    today: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    yesterday: `${y.getUTCFullYear()}-${pad(y.getUTCMonth() + 1)}-${pad(y.getUTCDate())}`,
    minute: p.hour * 60 + p.minute,
  };
}

/** The kind of a local date: a listed holiday, a make-up working day's weekday, or its own weekday. */
async function dayKind(db: AlertsDb, date: string): Promise<DayKind> {
  const h = await db.selectFrom('holidays').selectAll().where('date', '=', date).executeTakeFirst();
  if (h?.kind === 'holiday') return 'holiday';
  if (h?.kind === 'workday' && h.works_as) return h.works_as as DayKind;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return DAYS[(wd + 6) % 7]!;
}

/** True when the shift (started on a day of its kinds) covers `minute`: today's part or last night's tail. */
function covers(s: ShiftRow, minute: number, part: 'today' | 'yesterday'): boolean {
  const start = minutesOf(s.start_time);
  const end = minutesOf(s.end_time);
  const overnight = end <= start;
  if (part === 'today') return overnight ? minute >= start : minute >= start && minute < end;
  return overnight && minute < end;
}

/** The on-duty primary and backup of a team at `at`. */
export async function onDuty(db: AlertsDb, teamId: number, at: number, tz: string): Promise<OnDuty> {
  const { today, yesterday, minute } = localDates(at, tz);
  const shifts = await db.selectFrom('shifts').selectAll().where('team_id', '=', teamId).execute();
  const none: OnDuty = { team_id: teamId, date: null, day_kind: null, shift: null, primary: null, backup: null, swap_id: null };
  if (shifts.length === 0) return none;
  const kindToday = await dayKind(db, today);
  const kindYesterday = await dayKind(db, yesterday);
  const runsOn = (s: ShiftRow, k: DayKind) => (JSON.parse(s.days_json) as DayKind[]).includes(k);
  // A shift that started today wins over last night's tail; among today's, the latest start.
  const todays = shifts.filter((s) => runsOn(s, kindToday) && covers(s, minute, 'today')).sort((a, b) => minutesOf(b.start_time) - minutesOf(a.start_time));
  const tails = shifts.filter((s) => runsOn(s, kindYesterday) && covers(s, minute, 'yesterday'));
  const pick = todays[0] ? { shift: todays[0], date: today, kind: kindToday } : tails[0] ? { shift: tails[0], date: yesterday, kind: kindYesterday } : null;
  if (!pick) return none;
  const swap = await db.selectFrom('shift_swaps').selectAll().where('shift_id', '=', pick.shift.id).where('date', '=', pick.date).executeTakeFirst();
  const primaryId = swap?.primary_id ?? pick.shift.primary_id;
  const backupId = swap?.backup_id ?? pick.shift.backup_id;
  const ids = [primaryId, backupId].filter((x): x is number => x !== null);
  const people = new Map((await db.selectFrom('people').selectAll().where('id', 'in', ids).execute()).map((p) => [p.id, p]));
  return {
    team_id: teamId, date: pick.date, day_kind: pick.kind, shift: pick.shift,
    primary: people.get(primaryId) ?? null, backup: backupId !== null ? people.get(backupId) ?? null : null, swap_id: swap?.id ?? null,
  };
}
