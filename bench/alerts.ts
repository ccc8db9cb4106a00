// Alerting figures: time from an item entering ingest (the whole pipeline) to a loopback webhook receiver
// holding its alert, p50/p95/p99 over 1,000 alerts, with the delivery service running as in `start`
// (woken in-process after each enqueue; the outbox table stays the source of truth); and how many alerts
// a flare-up of 500 near-identical posts produces (one, updated, is the goal).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createContext, closeContext } from '../src/app-context.ts';
import type { AppContext } from '../src/context.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { createChannel } from '../src/alerts/channels/repo.ts';
import { createRule } from '../src/alerts/rules/repo.ts';
import { ruleCreateSchema } from '../src/alerts/rules/schema.ts';
import { startAlertLoops } from '../src/alerts/service.ts';
import { alertsDb } from '../src/alerts/tables.ts';
import { corpusItem } from './_corpus.ts';

async function withStore<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-alerts-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent', allowPrivateNetworks: true } });
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? NaN) * 10) / 10;
}

/** Ingest → webhook latency over `n` alerts, one item per ingest call, through every stage. */
async function latency(n: number): Promise<{ total: number[]; send: number[] }> {
  return withStore(async (ctx) => {
    const started = new Map<number, number>();
    const committed = new Map<number, number>();
    const received = new Map<number, number>();
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const t = performance.now();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items: { id: number }[] };
        const id = body.items[0]?.id;
        if (id !== undefined && !received.has(id)) received.set(id, t);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const ch = await createChannel(ctx, { name: 'bench', kind: 'webhook', enabled: true, settings: { url }, secrets: { secret: 'bench' } });
    // Every item is its own story (cooldown 0), so each one makes an alert.
    await createRule(ctx, ruleCreateSchema.parse({ name: 'all', trigger: 'item', severity: 'major', channel_ids: [ch.id], params: { cooldown_minutes: 0 } }));
    const loops = startAlertLoops(ctx, { pollMs: 1000, tickMs: 60_000 });
    try {
      const now = Math.floor(Date.now() / 1000);
      // Warm-up outside the figures: models, dictionaries, prepared statements.
      await ingest(ctx, Array.from({ length: 20 }, (_, i) => ({ ...corpusItem(900_000 + i), external_id: `warm${i}`, published_at: now - 1000 + i })));
      // One alert at a time: this measures latency, not a backlog under saturation. The receiver lives in
      // this process, so waiting for it also gives the event loop to the delivery worker, as idle time would.
      const alerts = alertsDb(ctx.store.db);
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const s = await ingest(ctx, [{ ...corpusItem(i, now - n * 7) }]);
        const tDone = performance.now();
        const id = s.results[0]?.id;
        if (id === undefined || !(await alerts.selectFrom('alerts').select('id').where('first_item_id', '=', id).executeTakeFirst())) continue;
        started.set(id, t0);
        committed.set(id, tDone);
        const deadline = Date.now() + 30_000;
        while (!received.has(id) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      }
    } finally {
      await loops.stop();
      await new Promise<void>((r) => server.close(() => r()));
    }
    const done = [...started.keys()].filter((id) => received.has(id));
    return { total: done.map((id) => received.get(id)! - started.get(id)!), send: done.map((id) => received.get(id)! - committed.get(id)!) };
  });
}

/** Alerts (and messages) made by a flare-up of 500 near-identical posts arriving in batches of 50. */
async function flareUp(): Promise<{ alerts: number; updates: number; deliveries: number }> {
  return withStore(async (ctx) => {
    await createRule(ctx, ruleCreateSchema.parse({ name: 'negative', trigger: 'item', severity: 'major', watch: { sentiment: ['negative'] } }));
    const base = '城东片区拆迁补偿款迟迟不到位，施工队强拆围墙打伤老人，居民多次反映无人处理';
    const now = Date.now();
    let updates = 0;
    for (let b = 0; b < 10; b++) {
      const posts = Array.from({ length: 50 }, (_, k) => {
        const i = b * 50 + k;
        return { external_id: `f${i}`, source: 'weibo', platform: 'weibo', content: `${i % 3 ? '' : '【转载】'}${base}${i % 2 ? '！' : '。'}#${i}`, published_at: new Date(now - (500 - i) * 1000).toISOString() };
      });
      const before = await alertsDb(ctx.store.db).selectFrom('alerts').select('updated_at').execute();
      await ingest(ctx, posts);
      const after = await alertsDb(ctx.store.db).selectFrom('alerts').select('updated_at').execute();
      if (before.length > 0 && after.length === before.length && after.some((a, i) => a.updated_at !== before[i]?.updated_at)) updates++;
    }
    const db = alertsDb(ctx.store.db);
    return {
      alerts: (await db.selectFrom('alerts').select('id').execute()).length,
      updates,
      deliveries: (await db.selectFrom('deliveries').select('id').execute()).length,
    };
  });
}

/** Run the alerting benchmark (quick: 200 alerts instead of 1,000; the key alert_latency_alerts says which). */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const n = opts.quick ? 200 : 1000;
  const lat = await latency(n);
  const total = lat.total.sort((a, b) => a - b);
  const send = lat.send.sort((a, b) => a - b);
  const flare = await flareUp();
  return {
    alert_latency_alerts: total.length,
    alert_latency_p50_ms: percentile(total, 50),
    alert_latency_p95_ms: percentile(total, 95),
    alert_latency_p99_ms: percentile(total, 99),
    // The part after ingest returned (rules evaluated, outbox written): wake-up, send, receipt.
    alert_delivery_p50_ms: percentile(send, 50),
    alert_delivery_p95_ms: percentile(send, 95),
    alerts_per_flareup: flare.alerts,
    alert_updates_per_flareup: flare.updates,
    alert_deliveries_per_flareup: flare.deliveries,
  };
}
