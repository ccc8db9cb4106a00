// `yuqing import FILE`: load items from JSONL or CSV with a progress bar and a summary of what happened.
import fs from 'node:fs';
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { importFile } from '../../ingest/import/import-file.ts';
import { startProgress } from '../progress.ts';

/** Count lines cheaply so the bar has a total. */
function countLines(file: string): number {
  const buf = fs.readFileSync(file);
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return n + 1;
}

/** Register the import subcommand. */
export function register(program: Command): void {
  program
    .command('import <file>')
    .description('import items from a JSONL or CSV file (fields as in the item JSON form)')
    .option('--format <format>', 'jsonl or csv (default: from the file name)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o: { format?: string; json?: boolean }) => {
      if (!fs.existsSync(file)) {
        process.stderr.write(`error: no such file: ${file}\n`);
        process.exitCode = 1;
        return;
      }
      await withContext(async (ctx) => {
        const bar = startProgress('import', countLines(file));
        let report;
        try {
          report = await importFile(ctx, file, { format: o.format, onProgress: (n) => bar.update(n) });
        } catch (err) {
          bar.stop();
          process.stderr.write(`error: ${(err as Error).message}\n`);
          process.exitCode = 1;
          return;
        }
        bar.stop();
        if (o.json) {
          process.stdout.write(`${JSON.stringify(report)}\n`);
        } else {
          process.stdout.write(`added ${report.added}, duplicates ${report.duplicates}, rejected ${report.rejected} (of ${report.lines} lines)\n`);
          for (const r of report.rejections.slice(0, 50)) {
            process.stdout.write(`  line ${r.line}${r.field ? ` [${r.field}]` : ''}: ${r.reason}\n`);
          }
          if (report.rejections.length > 50) process.stdout.write(`  … ${report.rejections.length - 50} more\n`);
        }
        if (report.rejected > 0 && report.added + report.duplicates === 0) process.exitCode = 1;
      });
    });
}
