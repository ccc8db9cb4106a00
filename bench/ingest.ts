// Foundation figures: ingest throughput through every registered stage with 1,000 topics, peak memory,
// and jieba (native, Node) against Python's jieba on the same text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createContext, closeContext } from '../src/app-context.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { STAGES } from '../src/ingest/stages.ts';
import type { IngestStage } from '../src/ingest/stage.ts';
import { segment } from '../src/text/segment.ts';
import { bumpTopicVersion } from '../src/topics/store.ts';
import { corpusItem, prng, SHARED_DATA } from './_corpus.ts';

const TOPIC_WORDS = ['拆迁', '补偿', '欠薪', '污染', '事故', '医院', '学校', '城管', '执法', '腐败', '停水', '塌方', '投诉', '食品', '诈骗'];

/** 1,000 topic expressions of the usual shape: (place|short)+(word|word)-exclusion. */
function topicExpressions(n: number): string[] {
  const areas = fs.readFileSync(path.join(SHARED_DATA, 'regions/areas.csv'), 'utf8').split('\n').slice(1)
    .map((l) => l.split(',')[1]?.replace(/"/g, '') ?? '').filter((s) => s.length >= 2);
  const r = prng(7);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const place = areas[i % areas.length]!;
    const short = place.replace(/(自治县|县|区|市|旗)$/, '');
    const w1 = TOPIC_WORDS[Math.floor(r() * TOPIC_WORDS.length)]!;
    const w2 = TOPIC_WORDS[Math.floor(r() * TOPIC_WORDS.length)]!;
    out.push(`(${place}|${short})+(${w1}|${w2})-招聘`);
  }
  return out;
}

/** Seconds Python's jieba (Debian python3-jieba) takes to segment the text file, or null if absent. */
function pythonJiebaSeconds(file: string): number | null {
  const code = `import jieba,time,sys\njieba.initialize()\nt=open(sys.argv[1],encoding='utf8').read().split('\\n')\ns=time.perf_counter()\nfor l in t: jieba.lcut(l)\nprint(time.perf_counter()-s)`;
  const r = spawnSync('/usr/bin/python3', ['-c', code, file], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return Number(r.stdout.trim());
}

// The foundation's stages (dedup, topics, index): the figure issue 2 asks for. Analysis and events come on top.
const FOUNDATION = new Set(['similar', 'topics', 'search-index']);

/** Stages wrapped so each hook's time is added to `spent` under `<stage>_<hook>` (batch writers under `_batch`). */
function timedStages(stages: IngestStage[], spent: Map<string, number>): IngestStage[] {
  const add = (key: string, t0: number) => spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
  const timed = <A extends unknown[], R>(key: string, f: (...a: A) => Promise<R> | R) => async (...a: A): Promise<R> => {
    const t0 = performance.now();
    try {
      return await f(...a);
    } finally {
      add(key, t0);
    }
  };
  return stages.map((s) => {
    const name = s.name.replace(/-/g, '_');
    const w: IngestStage = { name: s.name };
    if (s.prepare) w.prepare = timed(`${name}_prepare`, s.prepare.bind(s));
    if (s.store) w.store = timed(`${name}_store`, s.store.bind(s));
    if (s.after) w.after = timed(`${name}_after`, s.after.bind(s));
    if (s.openBatch) {
      const open = s.openBatch.bind(s);
      w.openBatch = (ctx, trx) => {
        const b = open(ctx, trx);
        return { store: timed(`${name}_batch`, b.store.bind(b)), flush: timed(`${name}_batch`, b.flush.bind(b)) };
      };
    }
    return w;
  });
}

/** Ingest `n` corpus items through `stages` on a fresh store with 1,000 topics; items/s, chars/item and ms/item per stage hook. */
async function timeIngest(n: number, stages: IngestStage[]): Promise<{ perS: number; chars: number; stageMs: Record<string, number> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
  try {
    const now = ctx.clock.now();
    await ctx.store.db.insertInto('topics')
      .values(topicExpressions(1000).map((expression, i) => ({ name: `bench-${i}`, expression, description: '', created_at: now, updated_at: now })))
      .execute();
    await bumpTopicVersion(ctx.store.db, now);
    const batch = 500;
    // Warm-up batch outside the timing: jieba's dictionary, models, the topic automaton, prepared statements.
    // (Items far past n, but dated before the clock: items from the future would be rejected and warm nothing.)
    await ingest(ctx, Array.from({ length: 200 }, (_, i) => corpusItem(900_000 + i)), { stages });
    let chars = 0;
    const spent = new Map<string, number>();
    const timed = timedStages(stages, spent);
    const t0 = process.hrtime.bigint();
    for (let start = 0; start < n; start += batch) {
      const items = Array.from({ length: Math.min(batch, n - start) }, (_, i) => corpusItem(start + i));
      for (const it of items) chars += it.title.length + it.content.length;
      await ingest(ctx, items, { stages: timed });
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // What no stage accounts for: validation, the item row, duplicate checks, commit.
    let inStages = 0;
    for (const v of spent.values()) inStages += v;
    const stageMs: Record<string, number> = { core: Number(((seconds * 1000 - inStages) / n).toFixed(3)) };
    for (const [k, v] of spent) stageMs[k] = Number((v / n).toFixed(3));
    return { perS: Math.round(n / seconds), chars: Math.round(chars / n), stageMs };
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Run the ingest benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const n = opts.quick ? 2000 : 100_000;
  const nFull = opts.quick ? 500 : 10_000;
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const foundation = await timeIngest(n, STAGES.filter((s) => FOUNDATION.has(s.name)));
    const full = await timeIngest(nFull, STAGES);

    // Segmenter comparison on the same text.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-seg-'));
    const texts = Array.from({ length: Math.min(n, 5000) }, (_, i) => { const it = corpusItem(i); return `${it.title} ${it.content}`.replace(/\n/g, ' '); });
    const file = path.join(dataDir, 'seg.txt');
    fs.writeFileSync(file, texts.join('\n'));
    const s0 = process.hrtime.bigint();
    for (const t of texts) segment(t);
    const nodeSeconds = Number(process.hrtime.bigint() - s0) / 1e9;
    const py = pythonJiebaSeconds(file);
    fs.rmSync(dataDir, { recursive: true, force: true });
    return {
      ingest_items: n,
      ingest_items_per_s: foundation.perS,
      ingest_full_pipeline_items: nFull,
      ingest_full_pipeline_items_per_s: full.perS,
      // Where the full pipeline's time goes, per item.
      ...Object.fromEntries(Object.entries(full.stageMs).map(([k, v]) => [`ingest_full_ms_per_item_${k}`, v])),
      ingest_chars_per_item_avg: foundation.chars,
      ingest_peak_rss_mb: Math.round(peakRss / 1048576),
      segment_node_jieba_mb_per_s: Number((Buffer.byteLength(texts.join('\n')) / 1048576 / nodeSeconds).toFixed(2)),
      segment_python_jieba_over_node_time_ratio: py === null ? -1 : Number((py / nodeSeconds).toFixed(1)),
    };
  } finally {
    clearInterval(sample);
  }
}
