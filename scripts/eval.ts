// `npm run eval [-- --quick] [-- --only=area,area]`: quality figures of every scripts/eval/<area>.ts, one JSON line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFigures } from './run-figures.ts';

await runFigures(path.join(path.dirname(fileURLToPath(import.meta.url)), 'eval'), 'eval');
