// Reads an import file as a stream of numbered records: JSONL lines or CSV rows, with per-line parse errors.
import fs from 'node:fs';
import readline from 'node:readline';
import { parse as parseCsv } from 'csv-parse';

export type ImportFormat = 'jsonl' | 'csv';

export type ImportRecord = { line: number; value: unknown } | { line: number; error: string };

// CSV columns map onto the item JSON form; metrics may be flat (likes) or dotted (metrics.likes).
const CSV_FIELDS = new Set(['external_id', 'url', 'title', 'content', 'author', 'platform', 'published_at', 'parent_external_id', 'source']);
const METRIC_FIELDS = new Set(['reposts', 'comments', 'likes', 'views']);

/** Guess the format from the file name; CSV only for .csv/.tsv. */
export function formatOf(file: string, given?: string): ImportFormat {
  if (given === 'jsonl' || given === 'csv') return given;
  if (given) throw new Error(`--format must be jsonl or csv, got ${JSON.stringify(given)}`);
  return /\.csv$/i.test(file) ? 'csv' : 'jsonl';
}

/** JSONL: one JSON object per line; blank lines are skipped, malformed lines become errors. */
export async function* readJsonl(file: string): AsyncGenerator<ImportRecord> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    const t = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (!t) continue;
    try {
      yield { line, value: JSON.parse(t) as unknown };
    } catch (err) {
      yield { line, error: `malformed JSON: ${(err as Error).message}` };
    }
  }
}

function csvRowToItem(row: Record<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === '') continue;
    const key = k.startsWith('metrics.') ? k.slice(8) : k;
    if (METRIC_FIELDS.has(key)) metrics[key] = /^\d+$/.test(v) ? Number(v) : Number.NaN;
    else if (key === 'published_at' && /^\d+$/.test(v)) item[key] = Number(v);
    else item[k] = v;
  }
  if (Object.keys(metrics).length) item.metrics = metrics;
  return item;
}

/** CSV with a header row; an unknown column is refused up front, naming it. */
export async function* readCsv(file: string): AsyncGenerator<ImportRecord> {
  const parser = fs.createReadStream(file).pipe(
    parseCsv({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const unknown = Object.keys(rec.record).filter((k) => !CSV_FIELDS.has(k) && !METRIC_FIELDS.has(k.replace(/^metrics\./, '')));
    if (unknown.length) throw new Error(`unknown CSV column(s): ${unknown.join(', ')}`);
    yield { line: rec.info.lines, value: csvRowToItem(rec.record) };
  }
}
