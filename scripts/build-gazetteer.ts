// Regenerates src/analysis/regions/data/divisions-base.json (provinces and prefecture-level divisions)
// from a folder laid out like shared/data/regions/ (NBS 2023 codes, WTFPL).
// Usage: node --import tsx scripts/build-gazetteer.ts [DIR]   (default ../shared/data/regions)
import fs from 'node:fs';
import path from 'node:path';
import { readDivisionFolder } from '../src/analysis/regions/read-folder.ts';
import { toGazetteerFile } from '../src/analysis/regions/divisions.ts';

const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/data/regions'));
const out = path.join(import.meta.dirname, '../src/analysis/regions/data/divisions-base.json');
const divisions = readDivisionFolder(dir, ['province', 'city']);
const file = toGazetteerFile(divisions, 'NBS 2023 administrative divisions (modood/Administrative-divisions-of-China, WTFPL): provinces and prefecture-level');
// One row per line: the file stays diff-friendly when codes change.
const body = file.rows.map((r) => JSON.stringify(r)).join(',\n');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `{"format":"yuqing-gazetteer","version":1,"source":${JSON.stringify(file.source)},"rows":[\n${body}\n]}\n`);
process.stderr.write(`wrote ${divisions.length} divisions to ${path.relative(process.cwd(), out)}\n`);
