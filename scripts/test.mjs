// Runs every test file under test/ with Node's own test runner (Node 20 does not glob .ts files itself).
// Arguments narrow the run to files whose path contains any of them: `npm test -- search topics`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync('test', { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

// `.only` silently skips the rest of a suite: refuse it so CI never passes on a subset.
const withOnly = files.filter((f) => /\b(test|it|describe)\.only\(/.test(readFileSync(f, 'utf8')));
if (withOnly.length) {
  console.error(`.only found in: ${withOnly.join(', ')}`);
  process.exit(1);
}
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
