// Time from a new entry appearing on a loopback feed to the item being searchable, at a 60-second
// polling interval and inside a key period (an hourly source sped up to every 120 s).
//
// Method: the scheduler runs on a simulated clock. For each trial a new entry "appears" at a uniformly
// random instant between the source's previous check and its next scheduled one (jitter included),
// the clock jumps to that next check, and the real check runs (HTTP fetch over loopback, parse,
// ingest with every stage, search index, evidence). Figure = simulated wait + measured processing,
// and the item is confirmed findable through search() before the trial counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createContext, closeContext } from '../src/app-context.ts';
import type { AppContext, Clock } from '../src/context.ts';
import { Scheduler } from '../src/collect/scheduler/scheduler.ts';
import { createSource } from '../src/collect/register/repo.ts';
import { createKeyPeriod } from '../src/collect/key-periods/repo.ts';
import { collectDb } from '../src/collect/register/tables.ts';
import { search } from '../src/search/search.ts';
import { parseSearchRequest } from '../src/search/request.ts';

class SimClock implements Clock {
  t = Date.UTC(2026, 10, 20, 2, 0, 0);
  now(): number {
    return this.t;
  }
}

const PLACES = ['融水', '安陲', '香粉', '和睦', '三防', '汪洞', '杆洞', '大浪', '红水', '拱洞'];

function feedServer(entries: { id: string; title: string; at: number }[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    const items = entries.map((e) => `<item><guid>${e.id}</guid><title>${e.title}</title><link>http://127.0.0.1/n/${e.id}</link><pubDate>${new Date(e.at).toUTCString()}</pubDate><description>${e.title}，详情见正文。</description></item>`).join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  })));
}

async function scenario(ctx: AppContext, clock: SimClock, trials: number, keyPeriod: boolean): Promise<{ mean: number; processingP50: number }> {
  const entries: { id: string; title: string; at: number }[] = [];
  const site = await feedServer(entries);
  try {
    const { source } = await createSource(ctx, { name: keyPeriod ? 'kp' : 'minute', kind: 'feed', url: site.url, platform: 'news', interval_s: keyPeriod ? 3600 : 60, enabled: true, tags: [], settings: {} });
    if (keyPeriod) await createKeyPeriod(ctx, { name: `bench-${source.id}`, starts_at: clock.t - 1000, ends_at: clock.t + 30 * 86_400_000, interval_s: 120, source_ids: [source.id], topic_ids: [], note: '' });
    const sched = new Scheduler(ctx, { hostMinDelayMs: 0, robots: false });
    await sched.runDue();
    const db = collectDb(ctx.store.db);
    const latencies: number[] = [];
    const processing: number[] = [];
    let rnd = 12345;
    const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < trials; i++) {
      const st = await db.selectFrom('source_state').selectAll().where('source_id', '=', source.id).executeTakeFirstOrThrow();
      const last = Number(st.last_check_at);
      const next = Number(st.next_check_at);
      const appear = last + random() * (next - last);
      const token = `${PLACES[i % PLACES.length]}第${i}号通报${source.id}`;
      entries.unshift({ id: `${source.id}-${i}`, title: token, at: appear });
      clock.t = next;
      const t0 = performance.now();
      await sched.runDue();
      const found = await search(ctx, parseSearchRequest({ q: `"${token}"` }));
      const proc = performance.now() - t0;
      if (found.total < 1) throw new Error(`entry ${token} not searchable after its check`);
      processing.push(proc);
      latencies.push(next - appear + proc);
    }
    await sched.shutdown();
    processing.sort((a, b) => a - b);
    return { mean: latencies.reduce((a, b) => a + b, 0) / latencies.length, processingP50: processing[processing.length >> 1]! };
  } finally {
    await site.close();
  }
}

/** Run the collect latency benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-collect-'));
  const clock = new SimClock();
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent', allowPrivateNetworks: true }, clock });
  try {
    const trials = opts.quick ? 10 : 60;
    const minute = await scenario(ctx, clock, trials, false);
    const kp = await scenario(ctx, clock, trials, true);
    return {
      collect_to_searchable_ms_60s: Math.round(minute.mean),
      collect_to_searchable_ms_key_period: Math.round(kp.mean),
      collect_check_processing_ms_p50: Math.round((minute.processingP50 + kp.processingP50) / 2),
    };
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
