// Near-duplicate quality on real text: Weibo posts (weibo-originals, the CED roots and longer CED
// replies) and news/hot-search headlines, plus repost variants built from them (src/dedup/variants.ts),
// ingested in shuffled order through the real pipeline with the 'similar' stage. Truth: a variant belongs
// with its original; two texts belong together when their character-trigram Jaccard is >= 0.5 and are
// clearly different below 0.2 (pairs in between are rewrites of one story: neither demanded nor punished).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, closeContext } from '../../src/app-context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { normalise } from '../../src/text/normalise.ts';
import { createSimilarStage, DEFAULT_SIMILAR_OPTIONS } from '../../src/dedup/stage.ts';
import { fingerprint, SIMHASH_MIN_CHARS } from '../../src/dedup/features.ts';
import { hamming } from '../../src/dedup/simhash.ts';
import { makeVariant, SHORT_VARIANT_KINDS, VARIANT_KINDS, type VariantKind } from '../../src/dedup/variants.ts';
import { loadDedupCorpus, prng, jaccard, comparableShingles, similarPairs } from '../../src/dedup/eval-corpus.ts';

interface EvalItem {
  input: { external_id: string; source: string; platform: string; title: string; content: string; published_at: number };
  text: string;
  kind: VariantKind | 'real';
  short: boolean;
  /** For a variant: the index of the item it was made from. */
  base: number | null;
}

const DAY_S = 86_400;
const T0 = 1_763_000_000;

/** Real texts plus their repost variants, with publication times, in a shuffled arrival order. */
function buildItems(quick: boolean): EvalItem[] {
  const rand = prng(20261127);
  const corpus = loadDedupCorpus({ posts: quick ? 1500 : Infinity, headlines: quick ? 1000 : 6000 });
  const all = [...corpus.posts.map((t) => ({ t, short: false })), ...corpus.headlines.map((t) => ({ t, short: true }))];
  const items: EvalItem[] = [];
  const add = (text: string, kind: EvalItem['kind'], short: boolean, at: number, base: number | null) => {
    const n = items.length;
    const input = short
      ? { external_id: `e${n}`, source: `src${n % 40}`, platform: 'news', title: text, content: '', published_at: at }
      : { external_id: `e${n}`, source: `src${n % 40}`, platform: 'weibo', title: '', content: text, published_at: at };
    items.push({ input, text, kind, short, base });
  };
  all.forEach(({ t, short }, i) => {
    const at = T0 + Math.floor(rand() * 20 * DAY_S);
    const base = items.length;
    add(t, 'real', short, at, null);
    const every = short ? 4 : quick ? 3 : 2;
    if (i % every !== 0) return;
    const kinds = short ? SHORT_VARIANT_KINDS : VARIANT_KINDS;
    const kind = kinds[Math.floor(i / every) % kinds.length]!;
    // Reposts mostly follow the original, but one in five is collected before it.
    const delay = Math.floor((rand() < 0.2 ? -1 : 1) * rand() * 3 * DAY_S);
    add(makeVariant(kind, t, rand, corpus.headlines), kind, short, at + delay, base);
  });
  return items;
}

/** The items in a deterministic shuffled order: arrival order differs from publication order. */
function shuffled(n: number): number[] {
  const rand = prng(7);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Ingest the items in arrival order; returns each item's group id (null = none) and group facts. */
async function groupItems(items: EvalItem[], thresholdBits: number): Promise<{ groups: (number | null)[]; firstOk: number; groupCount: number; itemsPerS: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-eval-dedup-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
  try {
    const stages = [createSimilarStage({ thresholdBits })];
    const order = shuffled(items.length);
    const idOf = new Array<number>(items.length);
    const t0 = performance.now();
    for (let i = 0; i < order.length; i += 500) {
      const batch = order.slice(i, i + 500);
      const r = await ingest(ctx, batch.map((k) => items[k]!.input), { stages });
      r.results.forEach((x, k) => (idOf[batch[k]!] = x.id ?? x.duplicate_of ?? -1));
    }
    const itemsPerS = items.length / ((performance.now() - t0) / 1000);
    const rows = await ctx.store.db.selectFrom('items').select(['id', 'similar_group_id', 'published_at']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const earliest = new Map<number, number>();
    for (const r of rows) {
      if (r.similar_group_id === null) continue;
      earliest.set(r.similar_group_id, Math.min(earliest.get(r.similar_group_id) ?? Infinity, Number(r.published_at)));
    }
    const groups = await ctx.store.db.selectFrom('similar_groups').select(['id', 'first_item_id']).execute();
    const firstOk = groups.filter((g) => Number(byId.get(g.first_item_id)?.published_at) === earliest.get(g.id)).length;
    return {
      groups: idOf.map((id) => byId.get(id)?.similar_group_id ?? null),
      firstOk: firstOk / Math.max(1, groups.length),
      groupCount: groups.length,
      itemsPerS,
    };
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Pairwise "same group" scores. Positive pairs: a variant and its original, and two texts with trigram
 * Jaccard >= 0.5. A same-group pair is a false merge when its texts are clearly different (Jaccard < 0.2);
 * pairs in between (one story rewritten) count neither way.
 */
function pairScores(items: EvalItem[], groups: (number | null)[]): Record<string, number> {
  const sets = comparableShingles(items.map((x) => x.text));
  const pairKey = (i: number, j: number) => (i < j ? i * items.length + j : j * items.length + i);
  const positives = new Set(similarPairs(sets, 0.5).map(([i, j]) => pairKey(i, j)));
  items.forEach((x, i) => x.base !== null && sets[i] && sets[x.base] && positives.add(pairKey(i, x.base)));
  const same = (i: number, j: number) => groups[i] !== null && groups[i] === groups[j];
  // Recall by class of positive pair: [hits, pairs].
  const cls = { all: [0, 0], short: [0, 0], variants: [0, 0], natural_j80: [0, 0], natural_j50_80: [0, 0] };
  for (const k of positives) {
    const i = Math.floor(k / items.length);
    const j = k % items.length;
    const hit = same(i, j) ? 1 : 0;
    const classes: (keyof typeof cls)[] = ['all'];
    if (items[i]!.short) classes.push('short');
    if (items[i]!.base === j || items[j]!.base === i) classes.push('variants');
    else if (items[i]!.kind === 'real' && items[j]!.kind === 'real') classes.push(jaccard(sets[i]!, sets[j]!) >= 0.8 ? 'natural_j80' : 'natural_j50_80');
    for (const c of classes) (cls[c][0]! += hit, cls[c][1]!++);
  }
  let fp = 0;
  let judged = 0;
  const byGroup = new Map<number, number[]>();
  groups.forEach((g, i) => g !== null && (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(i));
  for (const m of byGroup.values()) {
    for (let a = 0; a < m.length; a++) {
      for (let b = a + 1; b < m.length; b++) {
        if (positives.has(pairKey(m[a]!, m[b]!))) judged++;
        else if (jaccard(sets[m[a]!] ?? new Set(), sets[m[b]!] ?? new Set()) < 0.2) (fp++, judged++);
      }
    }
  }
  const out: Record<string, number> = {
    dedup_precision: round((judged - fp) / Math.max(1, judged)),
    dedup_recall: round(cls.all[0]! / Math.max(1, cls.all[1]!)),
    dedup_recall_variants: round(cls.variants[0]! / Math.max(1, cls.variants[1]!)),
    dedup_recall_natural_j80: round(cls.natural_j80[0]! / Math.max(1, cls.natural_j80[1]!)),
    dedup_recall_natural_j50_80: round(cls.natural_j50_80[0]! / Math.max(1, cls.natural_j50_80[1]!)),
    dedup_recall_short: round(cls.short[0]! / Math.max(1, cls.short[1]!)),
    dedup_false_merge_pairs: fp,
    dedup_ungroupable_share: round(sets.filter((x) => x === null).length / items.length),
  };
  // Per repost kind: the share of variants that landed in their original's group.
  const kinds = new Map<string, [number, number]>();
  items.forEach((x, i) => {
    if (x.base === null || !sets[i] || !sets[x.base]) return;
    const key = `dedup_recall_${x.short ? 'short_' : ''}${x.kind}`;
    const [h, n] = kinds.get(key) ?? [0, 0];
    kinds.set(key, [h + (same(i, x.base) ? 1 : 0), n + 1]);
  });
  for (const [k, [h, n]] of kinds) out[k] = round(h / n);
  return out;
}

/** Were short texts (8–19 content characters) compared by SimHash at `bits`: the share of pairs that close that are different headlines. */
function shortSimhashFalseShare(items: EvalItem[], bits: number): number {
  const shorts = items.filter((x) => x.short && x.kind === 'real');
  const sets = comparableShingles(shorts.map((x) => x.text));
  const fps = shorts.map((x) => fingerprint(normalise(`${x.text}\n`), x.text.length));
  let close = 0;
  let different = 0;
  fps.forEach((a, i) => {
    if (!a || a.length >= SIMHASH_MIN_CHARS) return;
    fps.forEach((b, j) => {
      if (j <= i || !b || b.length >= SIMHASH_MIN_CHARS || hamming(a.simhash, b.simhash) > bits) return;
      close++;
      if (jaccard(sets[i]!, sets[j]!) < 0.5) different++;
    });
  });
  return round(different / Math.max(1, close));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Scores at one threshold. */
export async function evaluate(thresholdBits: number, quick: boolean): Promise<Record<string, number>> {
  const items = buildItems(quick);
  const { groups, firstOk, groupCount, itemsPerS } = await groupItems(items, thresholdBits);
  return {
    dedup_threshold_bits: thresholdBits,
    ...pairScores(items, groups),
    dedup_first_publisher_correct: round(firstOk),
    dedup_groups: groupCount,
    dedup_items: items.length,
    dedup_eval_ingest_items_per_s: Math.round(itemsPerS),
    dedup_short_simhash_false_share: shortSimhashFalseShare(items, thresholdBits),
  };
}

/** Quality figures at the stage's default threshold. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  return evaluate(DEFAULT_SIMILAR_OPTIONS.thresholdBits, opts.quick);
}

// `npx tsx scripts/eval/dedup.ts 6 7 8 9 10`: sweep thresholds (tuning aid).
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const b of process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number)) console.log(JSON.stringify(await evaluate(b, process.argv.includes('--quick'))));
}
