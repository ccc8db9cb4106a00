// Administrative divisions as the region recogniser sees them, and their on-disk form
// (the shipped base file and a full list imported into the data folder share one format).
import type { RegionLevel } from '../types.ts';

export interface Division {
  /** Statistical code: 2 digits province, 4 city, 6 county, 9 township; a prefix of its descendants' codes. */
  code: string;
  name: string;
  level: RegionLevel;
  /** Nearest ancestor that is a real place (placeholders such as 市辖区 are skipped); null for provinces. */
  parent: string | null;
}

/** On-disk form: rows of [code, name, level initial, parent code or ""]. */
export interface GazetteerFile {
  format: 'yuqing-gazetteer';
  version: 1;
  source: string;
  rows: [string, string, string, string][];
}

const LEVEL_BY_INITIAL: Record<string, RegionLevel> = { p: 'province', c: 'city', x: 'county', t: 'township' };
const INITIAL_BY_LEVEL: Record<RegionLevel, string> = { province: 'p', city: 'c', county: 'x', township: 't' };

/** Rank used to prefer higher levels when a name is ambiguous. */
export const LEVEL_RANK: Record<RegionLevel, number> = { province: 4, city: 3, county: 2, township: 1 };

/** Encode divisions for writing. */
export function toGazetteerFile(divisions: Division[], source: string): GazetteerFile {
  return {
    format: 'yuqing-gazetteer',
    version: 1,
    source,
    rows: divisions.map((d) => [d.code, d.name, INITIAL_BY_LEVEL[d.level], d.parent ?? '']),
  };
}

/** Decode a parsed gazetteer file; throws with the position of the first bad row. */
export function fromGazetteerFile(data: unknown, where: string): Division[] {
  const f = data as Partial<GazetteerFile> | null;
  if (!f || f.format !== 'yuqing-gazetteer' || f.version !== 1 || !Array.isArray(f.rows)) {
    throw new Error(`${where}: not a yuqing gazetteer file (format/version/rows missing)`);
  }
  return f.rows.map((r, i) => {
    const level = Array.isArray(r) ? LEVEL_BY_INITIAL[String(r[2])] : undefined;
    if (!Array.isArray(r) || r.length !== 4 || !level || !/^\d{2,12}$/.test(String(r[0])) || !r[1]) {
      throw new Error(`${where}: row ${i + 1} is malformed`);
    }
    return { code: String(r[0]), name: String(r[1]), level, parent: r[3] ? String(r[3]) : null };
  });
}
