// Ingest stage 'similar': fingerprints each item (prepare) and files it into the band index and, when a
// filed item is close enough, into that item's similar-group (store).
import type { IngestStage } from '../ingest/stage.ts';
import { fingerprint, type Fingerprint } from './features.ts';
import { toHex } from './simhash.ts';
import { closestMatch, fileFingerprint, markItem, PendingBands, writePending } from './candidates.ts';
import { joinGroup } from './groups.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { dedupDb, type DedupDb } from './tables.ts';
import { ensureHammingFunction } from './sqlite-distance.ts';

declare module '../ingest/prepared.ts' {
  interface Enrichment {
    /** Set by the 'similar' stage's prepare(); null when too little text is left to compare. */
    fingerprint?: Fingerprint | null;
  }
}

export interface SimilarStageOptions {
  /**
   * Largest Hamming distance (of 64 bits) that still counts as the same text: 9. Measured on ~15k real
   * Weibo posts, headlines and reposts built from them (scripts/eval/dedup.ts): no clearly different texts
   * merged up to 10 bits, the first at 11; each bit more finds ~2-5 % more reposts with a comment or a
   * few changed characters. 9 keeps two bits of margin for larger windows (more chances of a close pair).
   */
  thresholdBits: number;
  /** Items are compared only with items published within this window either side. */
  windowDays: number;
}

export const DEFAULT_SIMILAR_OPTIONS: SimilarStageOptions = { thresholdBits: 9, windowDays: 30 };

/**
 * The near-duplicate stage with the given (or default) threshold and window. Matching and grouping
 * happen in store(), item by item, as later stages (events) read the group; the band rows an item files
 * are only read by later lookups of this stage, so in a batch they wait in memory (found by those
 * lookups all the same) and are written together when the batch is flushed.
 */
export function createSimilarStage(options: Partial<SimilarStageOptions> = {}): IngestStage {
  const opts = { ...DEFAULT_SIMILAR_OPTIONS, ...options };
  const windowMs = opts.windowDays * 86_400_000;
  // The pending rows of the batch (or savepoint) a transaction handle belongs to.
  const pendingOf = new WeakMap<object, PendingBands>();
  // The handle seen with the dedup tables, made once per transaction (withTables builds a new Kysely).
  const dbOf = new WeakMap<object, DedupDb>();
  const dedup = (trx: Kysely<Database>): DedupDb => {
    let db = dbOf.get(trx);
    if (!db) dbOf.set(trx, (db = dedupDb(trx)));
    return db;
  };
  return {
    name: 'similar',
    prepare(_ctx, items) {
      for (const it of items) it.enrich.fingerprint = fingerprint(it.norm, it.title.length);
    },
    async store(ctx, trx, item) {
      const fp = item.enrich.fingerprint;
      if (!fp) return;
      const db = dedup(trx);
      const raw = ctx.store.sqlite; // the connection trx runs on: statements run on it directly
      const pending = pendingOf.get(trx) ?? null;
      const lookup = { thresholdBits: opts.thresholdBits, windowMs, sqlDistance: ensureHammingFunction(ctx.store), raw, pending };
      const match = await closestMatch(db, fp, item.publishedAt, item.id, lookup);
      await fileFingerprint(db, item.id, item.publishedAt, fp, { raw, pending });
      let groupId: number | null = null;
      if (match) groupId = await joinGroup(trx, { id: item.id, publishedAt: item.publishedAt }, match, ctx.clock.now());
      await markItem(db, item.id, toHex(fp.simhash), groupId, raw);
      if (groupId !== null) item.enrich.similarGroupId = groupId;
    },
    openBatch(ctx, trx) {
      const pending = new PendingBands();
      pendingOf.set(trx, pending);
      return {
        async store() {},
        async flush() {
          pendingOf.delete(trx);
          await writePending(dedup(trx), pending, ctx.store.sqlite);
        },
      };
    },
  };
}

/** The stage as registered in src/ingest/stages.ts. */
export const similarStage: IngestStage = createSimilarStage();
