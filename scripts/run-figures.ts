// Shared runner of bench and eval: imports every <dir>/<area>.ts, calls run({quick}) and prints one flat
// JSON object of all figures on the last line of stdout (progress and per-area lines go to stderr).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type FigureModule = { run?: (opts: { quick: boolean }) => Promise<Record<string, number>> };

/** Run every area module in `dir`; `--quick` and `--only=a,b` are read from argv. */
export async function runFigures(dir: string, label: string, argv: string[] = process.argv): Promise<void> {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='))?.slice(7);
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_')).sort();
  const figures: Record<string, number> = { quick: quick ? 1 : 0 };
  for (const f of files) {
    const area = f.replace(/\.ts$/, '');
    if (only && !only.has(area)) continue;
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as FigureModule;
    if (typeof mod.run !== 'function') continue;
    const t0 = Date.now();
    process.stderr.write(`${label} ${area} …\n`);
    try {
      const r = await mod.run({ quick });
      Object.assign(figures, r);
      process.stderr.write(`${label} ${area}: ${JSON.stringify(r)} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    } catch (err) {
      process.stderr.write(`${label} ${area} failed: ${(err as Error).stack ?? String(err)}\n`);
      figures[`${area}_failed`] = 1;
    }
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
