// `npm run train`: reproduces every committed model by running scripts/train/<model>.ts in turn.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'train');
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  process.stderr.write(`train ${f} …\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
