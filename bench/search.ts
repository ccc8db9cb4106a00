// Search figures: latency p50/p95 of one-word, two-word-AND and phrase queries (first page, newest
// first, with items, highlights and the exact total) at 100k and 1M items, index build rate, index
// size, and the 'search-index' ingest stage's own rate. Items are generated deterministically from
// real Weibo posts and news headlines in ../shared/data, 200-800 characters each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, closeContext } from '../src/app-context.ts';
import type { AppContext } from '../src/context.ts';
import { normalise } from '../src/text/normalise.ts';
import { indexText } from '../src/search/bigrams.ts';
import { searchIndexFor } from '../src/search/search-index.ts';
import type { SqliteSearchIndex } from '../src/search/index-sqlite.ts';
import { search } from '../src/search/search.ts';
import { parseSearchRequest } from '../src/search/request.ts';
import { searchIndexStage } from '../src/search/stage.ts';
import { validateItem, isRejection } from '../src/ingest/validate.ts';
import type { PreparedItem, StoredItem } from '../src/ingest/prepared.ts';
import { prng as rng } from '../src/util/prng.ts';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');
const ONE_WORD = ['医院', '警方', '政府', '记者', '孩子', '城管', '拆迁', '地震', '谣言', '事故', '失踪', '学生', '北京', '官方', '视频', '公司'];
const TWO_WORDS = ['医院 孩子', '警方 事故', '政府 回应', '记者 调查', '学生 学校', '北京 网友', '地震 救援', '城管 打人'];
const PHRASES = ['派出所', '公安局', '交通事故', '人民医院', '大学生', '"网友 爆料"', '"转发 扩散"', '中国人'];

export function loadTexts(): { posts: string[]; headlines: string[] } {
  const posts = fs.readFileSync(path.join(DATA, 'events/weibo-originals.jsonl'), 'utf8').trim().split('\n')
    .map((l) => (JSON.parse(l) as { text: string }).text.trim()).filter((t) => t.length >= 10);
  const headlines = ['dev.txt', 'test.txt'].flatMap((f) => fs.readFileSync(path.join(DATA, 'headlines/thucnews-titles', f), 'utf8')
    .split('\n').map((l) => l.split('\t')[0]!.trim()).filter(Boolean));
  return { posts, headlines };
}

interface GenItem { title: string; content: string; publishedAt: number }

/**
 * Item i: a headline as title, posts and headlines concatenated to 200-800 characters. Times follow a
 * monitoring stream: one item a minute on average from 2024-01-01, jittered by up to an hour, and one
 * in twenty arriving late (published up to three days before it is stored).
 */
function genItem(i: number, t: { posts: string[]; headlines: string[] }): GenItem {
  const r = rng(i * 2654435761);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const target = 200 + Math.floor(r() * 600);
  let content = pick(t.posts);
  while (content.length < target) content += r() < 0.7 ? pick(t.posts) : `${pick(t.headlines)}。`;
  const late = r() < 0.05 ? Math.floor(r() * 3 * 86400_000) : 0;
  const publishedAt = Date.UTC(2024, 0, 1) + i * 60_000 - Math.floor(r() * 3600_000) - late;
  return { title: pick(t.headlines), content: content.slice(0, target), publishedAt };
}

const foldCache = new Map<string, string>();

/** normalise() per character through a cache: the bench's stand-in for the norm ingest computes (validate, not this stage). */
function quickNorm(text: string): string {
  let out = '';
  for (const ch of text) {
    let f = foldCache.get(ch);
    if (f === undefined) foldCache.set(ch, (f = normalise(ch)));
    out += f;
  }
  return out;
}

/** Insert items [from, to) as rows and index entries, in transactions of 5,000; times tokenising + indexing. */
export function populate(ctx: AppContext, texts: ReturnType<typeof loadTexts>, from: number, to: number): { indexMs: number } {
  const raw = ctx.store.sqlite!;
  const index = searchIndexFor(ctx.store) as SqliteSearchIndex;
  const ins = raw.prepare(`INSERT INTO items (id, title, content, platform, published_at, collected_at, content_hash, source_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const platforms = ['weibo', 'news', 'forum', 'wechat'];
  let indexMs = 0;
  for (let a = from; a < to; a += 5000) {
    const batch = Array.from({ length: Math.min(5000, to - a) }, (_, k) => genItem(a + k, texts));
    raw.transaction(() => {
      batch.forEach((g, k) => {
        const id = a + k + 1;
        ins.run(id, g.title, g.content, platforms[id % 4], g.publishedAt, g.publishedAt, `h${id}`, `src${id % 20}`);
        const norm = quickNorm(`${g.title}\n${g.content}`);
        const t0 = performance.now();
        index.addSync({ itemId: id, publishedAt: g.publishedAt, title: indexText(norm.slice(0, g.title.length)), body: indexText(norm.slice(g.title.length + 1)) });
        indexMs += performance.now() - t0;
      });
    })();
    if ((a + 5000) % 100_000 === 0) process.stderr.write(`search bench: ${a + 5000} items\n`);
  }
  return { indexMs };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
}

/** Run each query `rounds` times (first page, newest first); p50/p95 in ms. */
async function latency(ctx: AppContext, queries: string[], rounds: number, order: 'newest' | 'relevance' = 'newest'): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (const q of queries) await search(ctx, parseSearchRequest({ q, order })); // warm the page cache
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      await search(ctx, parseSearchRequest({ q, order }));
      times.push(performance.now() - t0);
    }
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/** The 'search-index' stage alone (prepare + store) over real-text items, items/s. */
async function stageRate(ctx: AppContext, texts: ReturnType<typeof loadTexts>, n: number, idBase: number): Promise<number> {
  const prepared: PreparedItem[] = [];
  for (let i = 0; i < n; i++) {
    const g = genItem(10_000_000 + i, texts);
    const publishedAt = Date.UTC(2026, 0, 1) + i * 1000;
    const v = validateItem({ title: g.title, content: g.content, published_at: publishedAt / 1000 }, { tz: 'Asia/Shanghai', now: Date.now(), index: i });
    if (!isRejection(v)) prepared.push(v);
  }
  const raw = ctx.store.sqlite!;
  const ins = raw.prepare(`INSERT INTO items (id, title, content, platform, published_at, collected_at, content_hash) VALUES (?, ?, ?, 'weibo', ?, ?, ?)`);
  raw.transaction(() => prepared.forEach((p, k) => ins.run(idBase + k, p.title, p.content, p.publishedAt, p.collectedAt, p.contentHash)))();
  raw.exec('BEGIN');
  const t0 = performance.now();
  await searchIndexStage.prepare!(ctx, prepared);
  for (const [k, p] of prepared.entries()) await searchIndexStage.store!(ctx, ctx.store.db, Object.assign(p, { id: idBase + k }) as StoredItem);
  const ms = performance.now() - t0;
  raw.exec('COMMIT');
  return Math.round(prepared.length / (ms / 1000));
}

/** Bytes of the index tables (FTS5 shadow tables and search_docs with its unique index). */
function indexBytes(ctx: AppContext): number {
  const raw = ctx.store.sqlite!;
  const names = (raw.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'search_%' OR tbl_name = 'search_docs'`).pluck().all() as string[]);
  const size = raw.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name = ? AND aggregate = TRUE`).pluck();
  return names.reduce((b, n) => b + ((size.get(n) as number | null) ?? 0), 0);
}

async function measureAt(ctx: AppContext, label: string, rounds: number, out: Record<string, number>): Promise<void> {
  const one = await latency(ctx, ONE_WORD, rounds);
  const and = await latency(ctx, TWO_WORDS, rounds);
  const phrase = await latency(ctx, PHRASES, rounds);
  const rel = await latency(ctx, ONE_WORD, Math.max(1, Math.floor(rounds / 2)), 'relevance');
  Object.assign(out, {
    [`search_p50_ms_${label}`]: one.p50, [`search_p95_ms_${label}`]: one.p95,
    [`search_and_p50_ms_${label}`]: and.p50, [`search_and_p95_ms_${label}`]: and.p95,
    [`search_phrase_p50_ms_${label}`]: phrase.p50, [`search_phrase_p95_ms_${label}`]: phrase.p95,
    [`search_relevance_p95_ms_${label}`]: rel.p95,
    [`search_index_mb_${label}`]: Math.round(indexBytes(ctx) / 1e5) / 10,
  });
}

/** Figures for `npm run bench`; quick: 10k items only (well under 20 s). */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const texts = loadTexts();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-search-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
  ctx.store.sqlite!.pragma('synchronous = NORMAL');
  const out: Record<string, number> = {};
  try {
    const steps: [number, string][] = opts.quick ? [[10_000, '10k']] : [[100_000, '100k'], [1_000_000, '1m']];
    let have = 0;
    let indexMs = 0;
    for (const [n, label] of steps) {
      indexMs += populate(ctx, texts, have, n).indexMs;
      have = n;
      await measureAt(ctx, label, opts.quick ? 2 : 10, out);
      process.stderr.write(`search bench at ${label}: ${JSON.stringify(out)}\n`);
    }
    out.search_index_build_items_per_s = Math.round(have / (indexMs / 1000));
    out.search_stage_items_per_s = await stageRate(ctx, texts, opts.quick ? 1000 : 10_000, have + 1);
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') })));
}
