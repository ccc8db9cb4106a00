// Near-duplicate figures: SimHash fingerprints per second (two 32-bit halves, and BigInt for comparison),
// and the 'similar' stage's throughput through ingest() with 100k items already in the band table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, closeContext } from '../src/app-context.ts';
import type { AppContext } from '../src/context.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { normalise } from '../src/text/normalise.ts';
import { dedupText, fingerprint } from '../src/dedup/features.ts';
import { fnvString, mix32 } from '../src/util/hash.ts';
import { bandKeys } from '../src/dedup/bands.ts';
import { similarStage } from '../src/dedup/stage.ts';
import { corpusItem, prng } from './_corpus.ts';

/** The BigInt formulation of the same SimHash, kept here only to measure the choice of halves. */
function simhashBigInt(text: string): bigint {
  const v = new Float64Array(64);
  for (let i = 0; i + 3 <= text.length; i++) {
    const key = fnvString(text.slice(i, i + 3));
    const h = (BigInt(mix32(key ^ 0x9e3779b9)) << 32n) | BigInt(mix32(key ^ 0x7f4a7c15));
    for (let j = 0; j < 64; j++) v[j]! += (h >> BigInt(j)) & 1n ? 1 : -1;
  }
  let out = 0n;
  for (let j = 0; j < 64; j++) if (v[j]! > 0) out |= 1n << BigInt(j);
  return out;
}

function perSecond(n: number, ms: number): number {
  return Math.round(n / (ms / 1000));
}

/** Fingerprints per second over corpus posts of 200–800 characters (folded text in, as in ingest). */
function fingerprintSpeed(n: number): Record<string, number> {
  const texts = Array.from({ length: n }, (_, i) => {
    const it = corpusItem(i);
    return { norm: normalise(`${it.title}\n${it.content}`), titleLength: it.title.length };
  });
  let t0 = performance.now();
  for (const t of texts) fingerprint(t.norm, t.titleLength);
  const halves = performance.now() - t0;
  const stripped = texts.slice(0, Math.ceil(n / 10)).map((t) => dedupText(t.norm, t.titleLength));
  t0 = performance.now();
  for (const s of stripped) simhashBigInt(s);
  const big = performance.now() - t0;
  return { simhash_items_per_s: perSecond(n, halves), simhash_bigint_items_per_s: perSecond(stripped.length, big) };
}

/** Fill items and simhash_bands with `n` filed items spread over the last 30 days (one transaction). */
function prefill(ctx: AppContext, n: number, endMs: number): void {
  const raw = ctx.store.sqlite;
  if (!raw) throw new Error('the dedup bench needs the SQLite store');
  const rand = prng(99);
  const item = raw.prepare(
    `INSERT INTO items (title, content, platform, published_at, collected_at, content_hash, simhash) VALUES ('', 'prefill', 'other', ?, ?, ?, ?)`,
  );
  const band = raw.prepare('INSERT INTO simhash_bands (band, key, published_at, item_id, hi, lo) VALUES (?, ?, ?, ?, ?, ?)');
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const h = { hi: Math.floor(rand() * 2 ** 32) >>> 0, lo: Math.floor(rand() * 2 ** 32) >>> 0 };
      const at = endMs - Math.floor(rand() * 30 * 86_400_000);
      const id = Number(item.run(at, at, `p${i}`, '').lastInsertRowid);
      for (const k of bandKeys(h)) band.run(k.band, k.key, at, id, h.hi, h.lo);
    }
  })();
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Ingest `n` new corpus items with and without the stage; the difference is the stage's own time. */
async function stageSpeed(ctx: AppContext, n: number, endS: number): Promise<{ withStage: Timing; without: Timing }> {
  const time = async (stages: (typeof similarStage)[], from: number): Promise<Timing> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let k = 0; k < n; k += 500) {
      const batch = Array.from({ length: Math.min(500, n - k) }, (_, i) => ({ ...corpusItem(from + k + i), published_at: endS - k - i }));
      await ingest(ctx, batch, { stages });
    }
    const c = process.cpuUsage(c0);
    return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
  };
  await time([similarStage], 1_000_000);
  const without = await time([], 2_000_000);
  const withStage = await time([similarStage], 3_000_000);
  return { withStage, without };
}

/** Run the near-duplicate benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const out = fingerprintSpeed(opts.quick ? 2000 : 20_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-dedup-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
  try {
    const endS = 1_764_000_000;
    prefill(ctx, 100_000, endS * 1000);
    const n = opts.quick ? 1000 : 5000;
    const { withStage, without } = await stageSpeed(ctx, n, endS);
    // Wall time is what a user sees; CPU time (this process only) stays meaningful on a busy machine.
    out.dedup_ingest_items_per_s_100k = perSecond(n, withStage.wallMs);
    out.dedup_stage_items_per_s_100k = perSecond(n, Math.max(1, withStage.wallMs - without.wallMs));
    out.dedup_stage_cpu_us_per_item_100k = Math.round(((withStage.cpuMs - without.cpuMs) * 1000) / n);
    out.dedup_ingest_cpu_us_per_item_100k = Math.round((withStage.cpuMs * 1000) / n);
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
