// `npm run eval` part: region recognition on hand-written sentences (src/analysis/regions/eval-sentences.jsonl)
// with expected codes: full names, short forms, duplicates needing context, ordinary-word traps, several
// regions, townships. Micro precision/recall/F1 over codes, with the full gazetteer (shared/data/regions)
// and with only the shipped provinces and prefectures (scored against the codes that list can know).
import fs from 'node:fs';
import path from 'node:path';
import { baseDivisions } from '../../src/analysis/regions/gazetteer.ts';
import { readDivisionFolder } from '../../src/analysis/regions/read-folder.ts';
import { buildRegionIndex, type RegionIndex } from '../../src/analysis/regions/region-index.ts';
import { resolveRegions } from '../../src/analysis/regions/resolve.ts';
import { normalise } from '../../src/text/normalise.ts';

interface Sentence {
  text: string;
  expected: string[];
  kind: string;
  jurisdiction?: string[];
}

const SENTENCES = path.join(import.meta.dirname, '../../src/analysis/regions/eval-sentences.jsonl');
const REGIONS_DIR = path.join(import.meta.dirname, '../../../shared/data/regions');

/** Load the evaluation sentences. */
export function loadSentences(): Sentence[] {
  return fs
    .readFileSync(SENTENCES, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sentence);
}

interface Score {
  tp: number;
  predicted: number;
  expected: number;
  misses: string[];
}

function score(index: RegionIndex, sentences: Sentence[], knowable: (code: string) => boolean): Score {
  const s: Score = { tp: 0, predicted: 0, expected: 0, misses: [] };
  for (const x of sentences) {
    const got = new Set(resolveRegions(index, normalise(x.text), { jurisdiction: x.jurisdiction }).map((h) => h.code));
    const want = new Set(x.expected.filter(knowable));
    const tp = [...got].filter((c) => want.has(c)).length;
    s.tp += tp;
    s.predicted += got.size;
    s.expected += want.size;
    if (tp !== got.size || tp !== want.size) s.misses.push(`[${x.kind}] ${x.text}: got ${[...got].join(',') || '-'} want ${[...want].join(',') || '-'}`);
  }
  return s;
}

const prf = (s: Score) => {
  const p = s.predicted ? s.tp / s.predicted : 1;
  const r = s.expected ? s.tp / s.expected : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Score the sentences with the full and the base gazetteer; misses are listed on stderr. */
export async function run(_opts: { quick?: boolean } = {}): Promise<Record<string, number>> {
  const sentences = loadSentences();
  const full = buildRegionIndex(readDivisionFolder(REGIONS_DIR), 'shared/data/regions');
  const base = buildRegionIndex(baseDivisions(), 'builtin');
  const sf = score(full, sentences, () => true);
  const sb = score(base, sentences, (c) => base.byCode.has(c));
  for (const [name, s] of [['full gazetteer', sf], ['base gazetteer', sb]] as const) {
    const m = prf(s);
    process.stderr.write(`regions eval (${name}): ${sentences.length} sentences, P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f.toFixed(3)}\n`);
    for (const miss of s.misses) process.stderr.write(`  ${miss}\n`);
  }
  const f = prf(sf);
  const b = prf(sb);
  return {
    region_sentences: sentences.length,
    region_precision: f.p,
    region_recall: f.r,
    region_f1: f.f,
    region_base_precision: b.p,
    region_base_recall: b.r,
    region_base_f1: b.f,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
