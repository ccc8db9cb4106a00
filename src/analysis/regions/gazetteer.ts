// Which division list is in force: the full list imported into the data folder
// (`yuqing gazetteer import`) when there is one, else the shipped provinces and prefectures.
// The file is checked on every lookup (a stat), so a process sees an import made by another.
import fs from 'node:fs';
import path from 'node:path';
import { fromGazetteerFile, toGazetteerFile, type Division } from './divisions.ts';
import { buildRegionIndex, type RegionIndex } from './region-index.ts';

/** File name of the imported list inside the data folder. */
export const GAZETTEER_FILE = 'gazetteer.json';
const BASE_FILE = new URL('./data/divisions-base.json', import.meta.url);

let base: RegionIndex | null = null;
let imported: { file: string; stamp: string; index: RegionIndex } | null = null;

/** Path of the imported gazetteer in a data folder. */
export function gazetteerPath(dataDir: string): string {
  return path.join(dataDir, GAZETTEER_FILE);
}

/** The shipped divisions (provinces and prefecture-level). */
export function baseDivisions(): Division[] {
  return fromGazetteerFile(JSON.parse(fs.readFileSync(BASE_FILE, 'utf8')), 'divisions-base.json');
}

/** Write an imported list atomically (temp file + rename) so a reader never sees half a file. */
export function writeGazetteer(dataDir: string, divisions: Division[], source: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = gazetteerPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(toGazetteerFile(divisions, source)));
  fs.renameSync(tmp, file);
  return file;
}

/** The region index for a data folder: the imported list if present (rebuilt when it changes), else the base. */
export function getRegionIndex(dataDir: string | null): RegionIndex {
  const file = dataDir ? gazetteerPath(dataDir) : null;
  const st = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
  if (file && st) {
    const stamp = `${st.mtimeMs}:${st.size}`;
    if (imported && imported.file === file && imported.stamp === stamp) return imported.index;
    const divisions = fromGazetteerFile(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    imported = { file, stamp, index: buildRegionIndex(divisions, file) };
    return imported.index;
  }
  base ??= buildRegionIndex(baseDivisions(), 'builtin');
  return base;
}
