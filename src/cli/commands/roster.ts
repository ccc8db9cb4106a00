// `yuqing roster …`: the duty roster (值班表) — people, teams, shifts, swaps, holidays, handovers, and
// `roster now --team ID` (who is on duty now).
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { parsePayload } from '../../alerts/parse.ts';
import { alertsDb } from '../../alerts/tables.ts';
import { handoverCreateSchema, holidayCreateSchema, personCreateSchema, shiftCreateSchema, swapCreateSchema, teamCreateSchema } from '../../alerts/roster/schema.ts';
import { createPerson, createTeam, getTeam, listPeople, listTeams, personToJson, teamToJson } from '../../alerts/roster/people.ts';
import { createHandover, createShift, createSwap, listShifts, putHoliday, shiftToJson } from '../../alerts/roster/shifts.ts';
import { onDuty } from '../../alerts/roster/on-duty.ts';

const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
const ids = (s: string | undefined) => (s ? s.split(',').filter(Boolean).map(Number) : undefined);
const optNum = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** Register the roster subcommands. */
export function register(program: Command): void {
  const cmd = program.command('roster').description('duty roster (值班表): people, teams, shifts, swaps, holidays, handovers');

  cmd.command('person-add').description('add a person').requiredOption('--name <name>').option('--title <title>', '职务, e.g. 科长')
    .option('--phone <phone>').option('--email <email>').option('--channels <ids>', 'personal robot/webhook channel ids')
    .option('--quiet <HH:MM-HH:MM>', 'quiet hours for low-severity alerts, e.g. 22:00-07:00')
    .action((o: { name: string; title?: string; phone?: string; email?: string; channels?: string; quiet?: string }) => withContext(async (ctx) => {
      const [start, end] = o.quiet?.split('-') ?? [];
      print(await createPerson(ctx, parsePayload(personCreateSchema, {
        name: o.name, title: o.title, phone: o.phone, email: o.email, channel_ids: ids(o.channels), quiet_hours: o.quiet ? { start, end } : undefined,
      })));
    }));
  cmd.command('people').description('list people').action(() => withContext(async (ctx) => print((await listPeople(ctx)).map(personToJson))));

  cmd.command('team-add').description('add a team').requiredOption('--name <name>').option('--chief <personId>').option('--leader <personId>').option('--policy <id>')
    .action((o: { name: string; chief?: string; leader?: string; policy?: string }) => withContext(async (ctx) => {
      print(teamToJson(await createTeam(ctx, parsePayload(teamCreateSchema, { name: o.name, chief_id: optNum(o.chief), leader_id: optNum(o.leader), policy_id: optNum(o.policy) }))));
    }));
  cmd.command('teams').description('list teams').action(() => withContext(async (ctx) => print((await listTeams(ctx)).map(teamToJson))));

  cmd.command('shift-add').description('add a shift, e.g. --team 1 --days mon,tue,wed,thu,fri --start 08:30 --end 17:30 --primary 1 --backup 2')
    .requiredOption('--team <id>').requiredOption('--days <list>', 'mon..sun and/or holiday').requiredOption('--start <HH:MM>').requiredOption('--end <HH:MM>', 'at or before start: runs past midnight')
    .requiredOption('--primary <personId>').option('--backup <personId>').option('--label <text>')
    .action((o: { team: string; days: string; start: string; end: string; primary: string; backup?: string; label?: string }) => withContext(async (ctx) => {
      print(shiftToJson(await createShift(ctx, parsePayload(shiftCreateSchema, {
        team_id: Number(o.team), days: o.days.split(','), start: o.start, end: o.end, primary_id: Number(o.primary), backup_id: optNum(o.backup) ?? null, label: o.label,
      }))));
    }));
  cmd.command('shifts').description('list shifts').option('--team <id>').action((o: { team?: string }) => withContext(async (ctx) => print((await listShifts(ctx, optNum(o.team))).map(shiftToJson))));

  cmd.command('swap').description('on a date, a shift is covered by someone else').requiredOption('--shift <id>').requiredOption('--date <YYYY-MM-DD>')
    .option('--primary <personId>').option('--backup <personId>').option('--reason <text>').option('--by <name>', 'who arranged it', 'cli')
    .action((o: { shift: string; date: string; primary?: string; backup?: string; reason?: string; by: string }) => withContext(async (ctx) => {
      print(await createSwap(ctx, parsePayload(swapCreateSchema, { shift_id: Number(o.shift), date: o.date, primary_id: optNum(o.primary) ?? null, backup_id: optNum(o.backup) ?? null, reason: o.reason, by: o.by }), o.by));
    }));

  cmd.command('holiday').description('mark a date a holiday (holiday shifts apply) or a make-up working day').requiredOption('--date <YYYY-MM-DD>').requiredOption('--name <name>')
    .option('--workday <weekday>', 'make-up working day (调休) that works as this weekday, e.g. mon')
    .action((o: { date: string; name: string; workday?: string }) => withContext(async (ctx) => {
      print(await putHoliday(ctx, parsePayload(holidayCreateSchema, { date: o.date, name: o.name, kind: o.workday ? 'workday' : 'holiday', works_as: o.workday ?? null })));
    }));

  cmd.command('handover').description('record a handover (交接班)').requiredOption('--team <id>').requiredOption('--from <personId>').requiredOption('--to <personId>').option('--note <text>')
    .action((o: { team: string; from: string; to: string; note?: string }) => withContext(async (ctx) => {
      print(await createHandover(ctx, parsePayload(handoverCreateSchema, { team_id: Number(o.team), from_person_id: Number(o.from), to_person_id: Number(o.to), note: o.note })));
    }));

  cmd.command('now').description('who is on duty now').requiredOption('--team <id>').option('--at <iso>', 'another instant (ISO 8601)')
    .action((o: { team: string; at?: string }) => withContext(async (ctx) => {
      await getTeam(ctx, Number(o.team));
      const at = o.at ? Date.parse(o.at) : ctx.clock.now();
      const d = await onDuty(alertsDb(ctx.store.db), Number(o.team), at, ctx.config.timezone);
      print({ team_id: d.team_id, date: d.date, shift: d.shift ? shiftToJson(d.shift) : null, swap_id: d.swap_id, primary: d.primary ? personToJson(d.primary) : null, backup: d.backup ? personToJson(d.backup) : null });
    }));
}
