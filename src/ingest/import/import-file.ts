// Imports a JSONL or CSV file through ingest() in batches; a bad line is reported and never stops the rest.
import fs from 'node:fs';
import type { AppContext } from '../../context.ts';
import { ingest } from '../pipeline.ts';
import { formatOf, readCsv, readJsonl, type ImportRecord } from './read-lines.ts';

export interface ImportRejection {
  line: number;
  field?: string;
  reason: string;
}

export interface ImportReport {
  lines: number;
  added: number;
  duplicates: number;
  rejected: number;
  rejections: ImportRejection[];
}

export interface ImportOptions {
  format?: string;
  batchSize?: number;
  /** Called after each batch with bytes read so far, for a progress bar. */
  onProgress?: (records: number) => void;
}

/** Import a file; returns counts and every rejected line with its reason. */
export async function importFile(ctx: AppContext, file: string, opts: ImportOptions = {}): Promise<ImportReport> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const format = formatOf(file, opts.format);
  const batchSize = opts.batchSize ?? 500;
  const report: ImportReport = { lines: 0, added: 0, duplicates: 0, rejected: 0, rejections: [] };
  let batch: { line: number; value: unknown }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const summary = await ingest(ctx, batch.map((b) => b.value));
    report.added += summary.added;
    report.duplicates += summary.duplicates;
    for (const r of summary.results) {
      if (r.status !== 'rejected') continue;
      report.rejected++;
      report.rejections.push({ line: batch[r.index]!.line, field: r.field, reason: r.reason ?? 'rejected' });
    }
    batch = [];
    opts.onProgress?.(report.lines);
  };

  const records: AsyncGenerator<ImportRecord> = format === 'csv' ? readCsv(file) : readJsonl(file);
  for await (const rec of records) {
    report.lines++;
    if ('error' in rec) {
      report.rejected++;
      report.rejections.push({ line: rec.line, reason: rec.error });
      continue;
    }
    batch.push(rec);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return report;
}
