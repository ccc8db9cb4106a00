// `yuqing export warc --source ID | --event ID [--out FILE]`: captured evidence (取证) as a standard WARC 1.1 file.
import path from 'node:path';
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { getSource } from '../../collect/register/repo.ts';
import { eventCaptures, eventTitle, sourceCaptures, type CaptureRow } from '../../collect/evidence/query.ts';
import { writeWarc } from '../../collect/evidence/warc.ts';
import { localDay } from '../../collect/health/day.ts';

/** Register the export subcommands. */
export function register(program: Command): void {
  const exp = program.command('export').description('export data in standard formats');
  exp
    .command('warc')
    .description('write the captured raw responses of a source or an event as a WARC 1.1 file (.warc.gz: gzip per record)')
    .option('--source <id>', 'source id')
    .option('--event <id>', 'event id: the captures behind the event\'s items')
    .option('--out <file>', 'output file (default: yuqing-<source key | event-N>-<date>.warc.gz)')
    .action((o: { source?: string; event?: string; out?: string }) => withContext(async (ctx) => {
      if ((o.source === undefined) === (o.event === undefined)) throw new YqError('YQ_ERR_VALIDATION', '--source or --event: give exactly one');
      const day = localDay(ctx.clock.now(), ctx.config.timezone);
      let captures: AsyncIterable<CaptureRow>;
      let label: string;
      let description: string;
      if (o.source !== undefined) {
        const source = await getSource(ctx, Number(o.source));
        captures = sourceCaptures(ctx, source.id);
        label = source.key;
        description = `Yuqing captures of source ${source.id} ${source.key} (${source.name}) ${source.url ?? ''}`.trim();
      } else {
        const id = Number(o.event);
        const title = Number.isInteger(id) ? await eventTitle(ctx, id) : null;
        if (title === null) throw new YqError('YQ_ERR_NOT_FOUND', `event ${o.event}`);
        captures = eventCaptures(ctx, id);
        label = `event-${id}`;
        description = `Yuqing captures behind event ${id} (${title})`;
      }
      const out = path.resolve(o.out ?? `yuqing-${label}-${day}.warc.gz`);
      const n = await writeWarc(ctx, captures, out, { filename: path.basename(out), gzip: out.endsWith('.gz'), description });
      process.stderr.write(`${n} record(s) written\n`);
      process.stdout.write(`${out}\n`);
    }));
}
