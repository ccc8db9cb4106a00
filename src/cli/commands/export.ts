// `yuqing export warc --source ID [--out FILE]`: captured evidence (取证) as a standard WARC 1.1 file.
import path from 'node:path';
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { getSource } from '../../collect/register/repo.ts';
import { sourceCaptures } from '../../collect/evidence/query.ts';
import { writeWarc } from '../../collect/evidence/warc.ts';
import { localDay } from '../../collect/health/day.ts';

/** Register the export subcommands. */
export function register(program: Command): void {
  const exp = program.command('export').description('export data in standard formats');
  exp
    .command('warc')
    .description('write the captured raw responses of a source as a WARC 1.1 file (.warc.gz: gzip per record)')
    .option('--source <id>', 'source id')
    .option('--event <id>', 'event id (once events keep their items)')
    .option('--out <file>', 'output file (default: yuqing-<source key>-<date>.warc.gz)')
    .action((o: { source?: string; event?: string; out?: string }) => withContext(async (ctx) => {
      if (o.event !== undefined) throw new YqError('YQ_ERR_VALIDATION', '--event: exporting an event\'s captures is not available yet; use --source');
      if (o.source === undefined) throw new YqError('YQ_ERR_VALIDATION', '--source: required');
      const source = await getSource(ctx, Number(o.source));
      const out = path.resolve(o.out ?? `yuqing-${source.key}-${localDay(ctx.clock.now(), ctx.config.timezone)}.warc.gz`);
      const n = await writeWarc(ctx, sourceCaptures(ctx, source.id), out, {
        filename: path.basename(out),
        gzip: out.endsWith('.gz'),
        description: `Yuqing captures of source ${source.id} ${source.key} (${source.name}) ${source.url ?? ''}`.trim(),
      });
      process.stderr.write(`${n} response record(s) written\n`);
      process.stdout.write(`${out}\n`);
    }));
}
