// `yuqing key-period add|list|delete`: key periods (重点时段) in which sources are polled faster.
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { parseOrThrow } from '../../collect/register/parse.ts';
import { keyPeriodCreateSchema } from '../../collect/key-periods/schema.ts';
import { createKeyPeriod, deleteKeyPeriod, keyPeriodToJson, listKeyPeriods } from '../../collect/key-periods/repo.ts';
import { parseInstant } from '../../collect/key-periods/instant.ts';

const ids = (flag: string, s: string | undefined): number[] => {
  if (s === undefined) return [];
  const out = s.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
  if (out.some((n) => !Number.isInteger(n) || n <= 0)) throw new YqError('YQ_ERR_VALIDATION', `${flag}: expected comma-separated ids, got ${JSON.stringify(s)}`);
  return out;
};

/** Register the key-period subcommands. */
export function register(program: Command): void {
  const kp = program.command('key-period').description('key periods (重点时段): windows in which chosen sources are polled faster');

  kp.command('add')
    .description('define a key period; takes effect without a restart')
    .requiredOption('--name <name>', 'name, e.g. 两会期间')
    .requiredOption('--start <time>', 'start: ISO 8601 with offset, or local "YYYY-MM-DD HH:MM" in the office zone')
    .requiredOption('--end <time>', 'end, same forms')
    .option('--interval <seconds>', 'polling interval inside the period', '120')
    .option('--sources <ids>', 'comma-separated source ids')
    .option('--topics <ids>', 'comma-separated topic ids (their recently matching sources are sped up)')
    .option('--note <text>', 'note', '')
    .action((o: { name: string; start: string; end: string; interval: string; sources?: string; topics?: string; note: string }) => withContext(async (ctx) => {
      const at = (flag: string, s: string) => {
        const ms = parseInstant(s, ctx.config.timezone);
        if (ms === null) throw new YqError('YQ_ERR_VALIDATION', `${flag}: not a date/time: ${JSON.stringify(s)}`);
        return ms;
      };
      const body = {
        name: o.name, starts_at: at('--start', o.start), ends_at: at('--end', o.end), interval_s: Number(o.interval),
        source_ids: ids('--sources', o.sources), topic_ids: ids('--topics', o.topics), note: o.note,
      };
      const row = await createKeyPeriod(ctx, parseOrThrow(keyPeriodCreateSchema, body));
      process.stdout.write(`${JSON.stringify(keyPeriodToJson(row, ctx.clock.now()), null, 2)}\n`);
    }));

  kp.command('list').description('list key periods').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const rows = (await listKeyPeriods(ctx)).map((r) => keyPeriodToJson(r, ctx.clock.now()));
      if (o.json) return void process.stdout.write(`${JSON.stringify({ key_periods: rows }, null, 2)}\n`);
      for (const r of rows) {
        process.stdout.write(`${r.id}\t${r.active ? 'active' : '-'}\t${r.starts_at} → ${r.ends_at}\t${r.interval_s}s\tsources ${r.source_ids.join(',') || '-'}\ttopics ${r.topic_ids.join(',') || '-'}\t${r.name}\n`);
      }
    }));

  kp.command('delete <id>').description('remove a key period').action((id: string) => withContext(async (ctx) => {
    await deleteKeyPeriod(ctx, Number(id));
    process.stdout.write(`key period ${id} deleted\n`);
  }));
}
