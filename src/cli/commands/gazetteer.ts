// `yuqing gazetteer import DIR | status | resolve TEXT`: the administrative-division list regions resolve against.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { importGazetteer } from '../../analysis/regions/import.ts';
import { getRegionIndex } from '../../analysis/regions/gazetteer.ts';
import { resolveRegions } from '../../analysis/regions/resolve.ts';
import { normalise } from '../../text/normalise.ts';

/** Run an action, printing a failure as one line on stderr with exit code 1. */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}

/** Register the gazetteer subcommands. */
export function register(program: Command): void {
  const g = program.command('gazetteer').description('administrative divisions used to recognise regions (行政区划)');
  g.command('import <dir>')
    .description('load provinces.csv, cities.csv, areas.csv, streets.csv (NBS codes with parent codes) into the data folder')
    .action((dir: string) =>
      guarded(() => {
        const r = importGazetteer(dir, loadConfig().dataDir);
        process.stdout.write(`${JSON.stringify(r)}\n`);
      }),
    );
  g.command('status')
    .description('show which division list is in force')
    .action(() =>
      guarded(() => {
        const idx = getRegionIndex(loadConfig().dataDir);
        process.stdout.write(`${JSON.stringify({ source: idx.source, divisions: idx.byCode.size, levels: [...idx.levels] })}\n`);
      }),
    );
  g.command('resolve <text>')
    .description('print the regions recognised in TEXT (uses YUQING_JURISDICTION)')
    .action((text: string) =>
      guarded(() => {
        const config = loadConfig();
        const hits = resolveRegions(getRegionIndex(config.dataDir), normalise(text), { jurisdiction: config.jurisdiction });
        process.stdout.write(`${JSON.stringify(hits)}\n`);
      }),
    );
}
