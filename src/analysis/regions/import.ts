// `yuqing gazetteer import DIR`: load a full division list (provinces to townships) into the data folder,
// after which analysis in every process resolves counties and townships too.
import fs from 'node:fs';
import type { RegionLevel } from '../types.ts';
import { readDivisionFolder } from './read-folder.ts';
import { writeGazetteer } from './gazetteer.ts';

export interface ImportReport {
  file: string;
  divisions: number;
  by_level: Record<RegionLevel, number>;
}

/** Read DIR (provinces.csv, cities.csv, areas.csv, streets.csv) and write it as the data folder's gazetteer. */
export function importGazetteer(dir: string, dataDir: string): ImportReport {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`not a folder: ${dir}`);
  const divisions = readDivisionFolder(dir);
  const by_level: Record<RegionLevel, number> = { province: 0, city: 0, county: 0, township: 0 };
  for (const d of divisions) by_level[d.level]++;
  if (by_level.province === 0) throw new Error(`${dir}: no provinces read`);
  const file = writeGazetteer(dataDir, divisions, `imported from ${dir}`);
  return { file, divisions: divisions.length, by_level };
}
