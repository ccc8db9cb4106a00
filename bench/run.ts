// `npm run bench [-- --quick] [-- --only=area,area]`: speed figures of every bench/<area>.ts, one JSON line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFigures } from '../scripts/run-figures.ts';

await runFigures(path.dirname(fileURLToPath(import.meta.url)), 'bench');
