// Sentiment speed on one core: items of ~300 characters built from real Weibo posts
// (../shared/data/events/weibo-originals.jsonl), classified one by one with classifySentiment().
import fs from 'node:fs';
import path from 'node:path';
import { classifySentiment, sentimentModel } from '../src/analysis/sentiment/index.ts';

const POSTS = path.resolve(import.meta.dirname, '../../shared/data/events/weibo-originals.jsonl');
const ITEM_CHARS = 300;

/** Real post texts joined into items of about ITEM_CHARS characters. */
function items(count: number): string[] {
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
    if (cur.length >= ITEM_CHARS) {
      out.push(cur.slice(0, ITEM_CHARS));
      cur = '';
    }
  }
  return out;
}

/** sentiment_items_per_s (300-character items), plus the model load time. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const n = opts.quick ? 2000 : 10000;
  const t0 = performance.now();
  sentimentModel();
  classifySentiment('预热');
  const loadMs = performance.now() - t0;
  const texts = items(n);
  for (const t of texts.slice(0, 200)) classifySentiment(t); // warm the JIT
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let neg = 0;
  for (const t of texts) if (classifySentiment(t).label === 'negative') neg++;
  const sec = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(c1);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  return { sentiment_items_per_s: Math.round(n / sec), sentiment_items_per_cpu_s: Math.round(n / cpuSec), sentiment_model_load_ms: Math.round(loadMs), sentiment_negative_share: neg / n };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') })));
}
