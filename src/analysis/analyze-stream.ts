// Offline analysis of a JSONL stream of items (`yuqing analyze`): each valid line is written back with
// sentiment, keywords, regions and risks added; nothing is stored. Bad lines are reported and skipped.
// With events, analysed lines wait in a temporary file until the whole input has been clustered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { isRejection, validateItem } from '../ingest/validate.ts';
import { clusterOffline, type OfflineItem } from '../events/offline.ts';
import type { Analyzer } from './analyzer.ts';

export interface AnalyzeStreamOptions {
  analyzer: Analyzer;
  tz: string;
  now: number;
  /** Cluster the whole input into events and add `event_id` to every line. */
  events?: boolean;
  /** Called with a 1-based line number and a message for each skipped line. */
  onBadLine?: (line: number, message: string) => void;
  /** Called after each input line with the number of lines read so far. */
  onProgress?: (lines: number) => void;
}

export interface AnalyzeStreamReport {
  lines: number;
  written: number;
  skipped: number;
  events?: number;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Analyse every line of `input` into `output` (JSONL both). */
export async function analyzeStream(input: Readable, output: Writable, opts: AnalyzeStreamOptions): Promise<AnalyzeStreamReport> {
  const report: AnalyzeStreamReport = { lines: 0, written: 0, skipped: 0 };
  const offline: OfflineItem[] = [];
  const tmpDir = opts.events ? fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-analyze-')) : null;
  const pending = tmpDir ? fs.createWriteStream(path.join(tmpDir, 'lines.jsonl')) : null;
  try {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      report.lines++;
      opts.onProgress?.(report.lines);
      if (line.trim() === '') continue;
      const bad = (message: string) => {
        report.skipped++;
        opts.onBadLine?.(report.lines, message);
      };
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (err) {
        bad(`invalid JSON: ${(err as Error).message}`);
        continue;
      }
      const v = validateItem(raw, { tz: opts.tz, now: opts.now, index: report.lines - 1 });
      if (isRejection(v)) {
        bad(`${v.field}: ${v.reason}`);
        continue;
      }
      const a = opts.analyzer.analyze({ title: v.title, content: v.content, norm: v.norm });
      const out = { ...(raw as Record<string, unknown>), sentiment: a.sentiment, keywords: a.keywords, regions: a.regions, risks: a.risks };
      const text = `${JSON.stringify(out)}\n`;
      if (pending) {
        await write(pending, text);
        offline.push({ ...v.input, published_at: v.publishedAt / 1000, keywords: a.keywords, regions: a.regions });
      } else {
        await write(output, text);
      }
      report.written++;
    }
    if (pending && tmpDir) {
      pending.end();
      await once(pending, 'close');
      const eventOf = clusterOffline(offline, { tz: opts.tz, now: opts.now });
      report.events = new Set(eventOf.values()).size;
      let i = 0;
      for await (const line of readline.createInterface({ input: fs.createReadStream(path.join(tmpDir, 'lines.jsonl')), crlfDelay: Infinity })) {
        const obj = JSON.parse(line) as Record<string, unknown>;
        await write(output, `${JSON.stringify({ ...obj, event_id: eventOf.get(i) ?? null })}\n`);
        i++;
      }
    }
  } finally {
    if (pending && !pending.closed) pending.destroy();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  return report;
}
