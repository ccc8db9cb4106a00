// Reads a division list laid out like shared/data/regions/ (NBS codes): provinces.csv, cities.csv,
// areas.csv, streets.csv, each row naming its parent by code.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RegionLevel } from '../types.ts';
import type { Division } from './divisions.ts';

/** Rows that stand for "the districts / directly administered counties of X", not for a place. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

// GB/T 2260 codes of the divisions the NBS list leaves out.
const EXTRA_PROVINCES: Division[] = [
  { code: '71', name: '台湾省', level: 'province', parent: null },
  { code: '81', name: '香港特别行政区', level: 'province', parent: null },
  { code: '82', name: '澳门特别行政区', level: 'province', parent: null },
];

interface FileSpec {
  file: string;
  level: RegionLevel;
  parentColumn: string | null;
  required: boolean;
}

const FILES: FileSpec[] = [
  { file: 'provinces.csv', level: 'province', parentColumn: null, required: true },
  { file: 'cities.csv', level: 'city', parentColumn: 'provinceCode', required: true },
  { file: 'areas.csv', level: 'county', parentColumn: 'cityCode', required: false },
  { file: 'streets.csv', level: 'township', parentColumn: 'areaCode', required: false },
];

/** Remove bracketed notes such as （工业园区）城南街道 → 城南街道. */
export function cleanName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]/g, '').trim();
}

function readCsv(file: string, spec: FileSpec): Record<string, string>[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const first = rows[0];
  const needed = ['code', 'name', ...(spec.parentColumn ? [spec.parentColumn] : [])];
  const missing = first ? needed.filter((c) => !(c in first)) : [];
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return rows;
}

/**
 * Read the divisions of the given levels from `dir`. Placeholder rows are dropped and their children
 * re-parented to the placeholder's own parent, so every parent code names a real place.
 */
export function readDivisionFolder(dir: string, levels: RegionLevel[] = ['province', 'city', 'county', 'township']): Division[] {
  const out: Division[] = [];
  const skipped = new Map<string, string | null>(); // placeholder code → its parent
  const known = new Set<string>();
  const names = new Map<string, string>();
  for (const spec of FILES) {
    const file = path.join(dir, spec.file);
    if (!fs.existsSync(file)) {
      if (spec.required) throw new Error(`${file} not found (expected provinces.csv, cities.csv[, areas.csv, streets.csv])`);
      continue;
    }
    if (!levels.includes(spec.level) && spec.level !== 'province' && spec.level !== 'city') continue;
    readCsv(file, spec).forEach((r, i) => {
      const code = r.code ?? '';
      const name = cleanName(r.name ?? '');
      if (!/^\d{2,12}$/.test(code) || !name) throw new Error(`${file}: line ${i + 2} has no valid code/name`);
      let parent = spec.parentColumn ? (r[spec.parentColumn] ?? null) : null;
      if (parent !== null && skipped.has(parent)) parent = skipped.get(parent) ?? null;
      // 东莞市 has no counties: its one county row repeats the city (441900 东莞市) and would only
      // duplicate it; townships hang from the city instead.
      const sameAsParent = parent !== null && names.get(parent) === name;
      if (PLACEHOLDER.test(name) || sameAsParent) {
        skipped.set(code, parent);
        return;
      }
      known.add(code);
      names.set(code, name);
      if (levels.includes(spec.level)) out.push({ code, name, level: spec.level, parent });
    });
  }
  for (const p of EXTRA_PROVINCES) if (levels.includes('province') && !known.has(p.code)) out.push(p);
  return out;
}
