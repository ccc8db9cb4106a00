// Sentiment speed on one core: items of 300 and of 130 characters (a typical post) built from real Weibo
// posts (../shared/data/events/weibo-originals.jsonl), classified one by one with classifySentiment().
import fs from 'node:fs';
import path from 'node:path';
import { classifySentiment, sentimentModel } from '../src/analysis/sentiment/index.ts';

const POSTS = path.resolve(import.meta.dirname, '../../shared/data/events/weibo-originals.jsonl');

/** Real post texts joined into items of `chars` characters. */
function items(count: number, chars: number): string[] {
  const posts = fs
    .readFileSync(POSTS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text.trim())
    .filter(Boolean);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; out.length < count; i++) {
    cur += posts[i % posts.length]!;
    if (cur.length >= chars) {
      out.push(cur.slice(0, chars));
      cur = '';
    }
  }
  return out;
}

/** Items per second (wall clock and CPU) and the share labelled negative, over `texts`. */
function measure(texts: string[]): { perS: number; perCpuS: number; negative: number } {
  for (const t of texts.slice(0, 200)) classifySentiment(t); // warm the JIT
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let neg = 0;
  for (const t of texts) if (classifySentiment(t).label === 'negative') neg++;
  const sec = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(c1);
  return { perS: Math.round(texts.length / sec), perCpuS: Math.round(texts.length / ((cpu.user + cpu.system) / 1e6)), negative: neg / texts.length };
}

/** sentiment_items_per_s (300-character items) and _130 (130-character items), plus the model load time. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const n = opts.quick ? 2000 : 10000;
  const t0 = performance.now();
  sentimentModel();
  classifySentiment('预热');
  const loadMs = performance.now() - t0;
  const long = measure(items(n, 300));
  const short = measure(items(n, 130));
  return {
    sentiment_items_per_s: long.perS,
    sentiment_items_per_cpu_s: long.perCpuS,
    sentiment_items_per_s_130: short.perS,
    sentiment_items_per_cpu_s_130: short.perCpuS,
    sentiment_model_load_ms: Math.round(loadMs),
    sentiment_negative_share: long.negative,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') })));
}
