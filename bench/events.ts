// Event clustering throughput on a realistic stream: ~1,400 items an hour (a million a month), a third of
// them new stories (real Weibo posts) and the rest replies to recent stories (half with a parent link,
// half real comment text without one), so tens of thousands of events stay open in the 72-hour window.
// Figures: the in-memory clusterer (offline analyzer) and the stored stage through ingest() (SQLite).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, closeContext } from '../src/app-context.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { createClusterer } from '../src/events/cluster/memory.ts';
import { eventsStage } from '../src/events/stage.ts';
import type { ClusterItem } from '../src/events/cluster/types.ts';
import { prng, realTexts, SHARED_DATA } from './_corpus.ts';

const ITEM_GAP_MS = 2_500;
const T0 = Date.UTC(2026, 9, 1);

interface StreamItem {
  externalId: string;
  parent: string | null;
  text: string;
  at: number;
  platform: 'weibo' | 'news';
}

function comments(): string[] {
  return fs.readFileSync(path.join(SHARED_DATA, 'events/weibo-ced/events.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text.trim()).filter((t) => t.length >= 10);
}

/** A deterministic stream of n items. */
function stream(n: number): StreamItem[] {
  const { posts } = realTexts();
  const chat = comments();
  const r = prng(42);
  const roots: string[] = [];
  const out: StreamItem[] = [];
  for (let i = 0; i < n; i++) {
    const at = T0 + i * ITEM_GAP_MS;
    if (roots.length === 0 || r() < 0.35) {
      const id = `s${i}`;
      roots.push(id);
      out.push({ externalId: id, parent: null, text: posts[Math.floor(r() * posts.length)]!, at, platform: r() < 0.3 ? 'news' : 'weibo' });
      continue;
    }
    // Replies favour recent stories (the last ~300).
    const root = roots[Math.max(0, roots.length - 1 - Math.floor(r() * r() * 300))]!;
    const linked = r() < 0.5;
    out.push({ externalId: `c${i}`, parent: linked ? root : null, text: linked && r() < 0.4 ? '转发微博' : chat[Math.floor(r() * chat.length)]!, at, platform: 'weibo' });
  }
  return out;
}

async function storedThroughput(items: StreamItem[]): Promise<{ wall: number; cpu: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-events-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent' }, clock: { now: () => T0 + 400 * 24 * 3_600_000 } });
  try {
    const toJson = (s: StreamItem) => ({ external_id: s.externalId, parent_external_id: s.parent, content: s.text, platform: s.platform, source: 'bench', published_at: s.at / 1000 });
    const batch = 500;
    const warm = Math.min(batch, Math.floor(items.length / 5));
    await ingest(ctx, items.slice(0, warm).map(toJson), { stages: [eventsStage] });
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (let i = warm; i < items.length; i += batch) await ingest(ctx, items.slice(i, i + batch).map(toJson), { stages: [eventsStage] });
    const cpu = process.cpuUsage(c0);
    const n = items.length - warm;
    return { wall: n / (Number(process.hrtime.bigint() - t0) / 1e9), cpu: n / ((cpu.user + cpu.system) / 1e6) };
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Run the events benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const n = opts.quick ? 6_000 : 80_000;
  const items = stream(n);
  const c = createClusterer();
  // Warm-up outside the timing: jieba's dictionary and the background lexicon.
  createClusterer().add({ id: 0, externalId: null, parentExternalId: null, publishedAt: T0, text: items[0]!.text });
  const asCluster = (s: StreamItem, i: number): ClusterItem => ({ id: i, externalId: s.externalId, parentExternalId: s.parent, publishedAt: s.at, text: s.text, isReport: s.platform === 'news' });
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  items.forEach((s, i) => c.add(asCluster(s, i)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  const end = items[items.length - 1]!.at;
  const open = c.events().filter((e) => e.lastAt >= end - 72 * 3_600_000).length;
  const stored = await storedThroughput(items.slice(0, opts.quick ? 3_000 : 10_000));
  return {
    events_items: n,
    events_items_per_s: Math.round(n / seconds),
    // Per CPU-second too: on a shared machine wall-clock figures swing with other processes' load.
    events_items_per_cpu_s: Math.round(n / ((cpu.user + cpu.system) / 1e6)),
    events_open_events_at_end: open,
    events_stored_items_per_s: Math.round(stored.wall),
    events_stored_items_per_cpu_s: Math.round(stored.cpu),
  };
}
