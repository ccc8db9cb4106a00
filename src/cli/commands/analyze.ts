// `yuqing analyze --in in.jsonl --out out.jsonl [--events]`: offline analysis of items in the item JSON
// form, nothing stored (no database needed; the gazetteer and taxonomy of the data folder are used).
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { isYqError } from '../../errors.ts';
import { createAnalyzer } from '../../analysis/analyzer.ts';
import { analyzeStream } from '../../analysis/analyze-stream.ts';
import { startProgress } from '../progress.ts';

interface Options {
  in: string;
  out?: string;
  events?: boolean;
}

/** Count lines by streaming, so the bar has a total without reading a big file into memory. */
async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const _ of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) n++;
  return n;
}

async function run(o: Options): Promise<void> {
  const config = loadConfig();
  const fromStdin = o.in === '-';
  if (!fromStdin && !fs.existsSync(o.in)) throw new Error(`no such file: ${o.in}`);
  const analyzer = createAnalyzer(config);
  const bar = startProgress('analyze', fromStdin ? 0 : await countLines(o.in));
  const input = fromStdin ? process.stdin : fs.createReadStream(o.in);
  const output = o.out && o.out !== '-' ? fs.createWriteStream(o.out) : process.stdout;
  const bad: string[] = [];
  const report = await analyzeStream(input, output, {
    analyzer,
    tz: config.timezone,
    now: Date.now(),
    events: o.events,
    // Printed at once unless a progress bar owns the terminal line.
    onBadLine: (line, message) => (process.stderr.isTTY ? bad.push(`line ${line}: ${message}`) : process.stderr.write(`line ${line}: ${message}\n`)),
    onProgress: (n) => bar.update(n),
  });
  bar.stop();
  for (const b of bad) process.stderr.write(`${b}\n`);
  if (output !== process.stdout) await new Promise<void>((resolve, reject) => output.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const events = report.events !== undefined ? `, ${report.events} events` : '';
  process.stderr.write(`analyzed ${report.written} items, skipped ${report.skipped} bad lines (of ${report.lines})${events}; regions: ${analyzer.regionIndex.source}\n`);
}

/** Register the analyze subcommand. */
export function register(program: Command): void {
  program
    .command('analyze')
    .description('add sentiment, keywords, regions and risks to each line of a JSONL file of items (nothing is stored)')
    .requiredOption('--in <file>', 'input JSONL in the item JSON form ("-" for stdin)')
    .option('--out <file>', 'output JSONL (default stdout)')
    .option('--events', 'also cluster the whole file into events and add event_id to each line')
    .action(async (o: Options) => {
      try {
        await run(o);
      } catch (err) {
        const code = isYqError(err) ? `${err.code}: ` : '';
        process.stderr.write(`error ${code}${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
