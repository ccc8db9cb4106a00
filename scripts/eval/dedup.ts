// Near-duplicate quality on real text: Weibo posts (weibo-originals, the CED roots and longer CED
// replies) and news/hot-search headlines, plus repost variants built from them (src/dedup/variants.ts),
// ingested through the real pipeline with the 'similar' stage. Truth: a variant belongs with its
// original; two real texts belong together when their character-trigram Jaccard is >= 0.5, and are
// clearly different below 0.2 (pairs in between are rewrites of one story: neither demanded nor punished).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, closeContext } from '../../src/app-context.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { normalise } from '../../src/text/normalise.ts';
import { createSimilarStage, DEFAULT_SIMILAR_OPTIONS } from '../../src/dedup/stage.ts';
import { dedupText, fingerprint, MIN_TEXT_CHARS, SIMHASH_MIN_CHARS } from '../../src/dedup/features.ts';
import { hamming } from '../../src/dedup/simhash.ts';
import { makeVariant, SHORT_VARIANT_KINDS, VARIANT_KINDS, type VariantKind } from '../../src/dedup/variants.ts';
import { loadDedupCorpus, prng, shingles, jaccard, naturalClusters } from '../../src/dedup/eval-corpus.ts';

interface EvalItem {
  input: { external_id: string; source: string; platform: string; title: string; content: string; published_at: number };
  text: string;
  truth: number;
  kind: VariantKind | 'real';
  short: boolean;
}

const DAY_S = 86_400;
const T0 = 1_763_000_000;

/** Real texts plus their repost variants, with truth clusters and publication times. */
function buildItems(quick: boolean): EvalItem[] {
  const rand = prng(20261127);
  const corpus = loadDedupCorpus({ posts: quick ? 1500 : Infinity, headlines: quick ? 1000 : 6000 });
  const all = [...corpus.posts.map((t) => ({ t, short: false })), ...corpus.headlines.map((t) => ({ t, short: true }))];
  const truth = naturalClusters(all.map((x) => x.t));
  const items: EvalItem[] = [];
  const add = (text: string, cluster: number, kind: EvalItem['kind'], short: boolean, at: number) => {
    const n = items.length;
    const input = short
      ? { external_id: `e${n}`, source: `src${n % 40}`, platform: 'news', title: text, content: '', published_at: at }
      : { external_id: `e${n}`, source: `src${n % 40}`, platform: 'weibo', title: '', content: text, published_at: at };
    items.push({ input, text, truth: cluster, kind, short });
  };
  all.forEach(({ t, short }, i) => {
    const at = T0 + Math.floor(rand() * 20 * DAY_S);
    add(t, truth[i]!, 'real', short, at);
    const every = short ? 4 : quick ? 3 : 2;
    if (i % every !== 0) return;
    const kinds = short ? SHORT_VARIANT_KINDS : VARIANT_KINDS;
    const kind = kinds[Math.floor(i / every) % kinds.length]!;
    // Reposts mostly follow the original, but one in five is collected before it.
    const delay = Math.floor((rand() < 0.2 ? -1 : 1) * rand() * 3 * DAY_S);
    add(makeVariant(kind, t, rand, corpus.headlines), truth[i]!, kind, short, at + delay);
  });
  // Arrival order differs from publication order.
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Ingest the items with the given threshold and return each item's group id (null = none). */
async function groupItems(items: EvalItem[], thresholdBits: number): Promise<{ groups: (number | null)[]; firstOk: number; groupCount: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-eval-dedup-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent' } });
  try {
    const stages = [createSimilarStage({ thresholdBits })];
    const ids: number[] = [];
    for (let i = 0; i < items.length; i += 500) {
      const batch = items.slice(i, i + 500);
      const r = await ingest(ctx, batch.map((x) => x.input), { stages });
      r.results.forEach((x) => ids.push(x.id ?? x.duplicate_of ?? -1));
    }
    const rows = await ctx.store.db.selectFrom('items').select(['id', 'similar_group_id', 'published_at']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const firsts = await ctx.store.db.selectFrom('similar_groups').select(['id', 'first_item_id']).execute();
    let firstOk = 0;
    for (const g of firsts) {
      const members = rows.filter((r) => r.similar_group_id === g.id);
      const earliest = Math.min(...members.map((m) => Number(m.published_at)));
      if (Number(byId.get(g.first_item_id)?.published_at) === earliest) firstOk++;
    }
    return { groups: ids.map((id) => byId.get(id)?.similar_group_id ?? null), firstOk: firstOk / Math.max(1, firsts.length), groupCount: firsts.length };
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Pairwise precision/recall of "same group" against the truth clusters. */
function pairScores(items: EvalItem[], groups: (number | null)[]): Record<string, number> {
  const sh = new Map<number, Set<string>>();
  const shOf = (i: number) => sh.get(i) ?? sh.set(i, shingles(dedupText(normalise(`\n${items[i]!.text}`), 0))).get(i)!;
  const byGroup = new Map<number, number[]>();
  groups.forEach((g, i) => g !== null && (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(i));
  let tp = 0;
  let fp = 0;
  for (const members of byGroup.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a]!;
        const j = members[b]!;
        if (items[i]!.truth === items[j]!.truth) tp++;
        else if (jaccard(shOf(i), shOf(j)) < 0.2) fp++;
      }
    }
  }
  // Positive pairs per truth cluster, and per variant kind (variant with its cluster-mates).
  const byTruth = new Map<number, number[]>();
  items.forEach((x, i) => (byTruth.get(x.truth) ?? byTruth.set(x.truth, []).get(x.truth)!).push(i));
  let positives = 0;
  const kindHit = new Map<string, [number, number]>();
  for (const members of byTruth.values()) {
    positives += (members.length * (members.length - 1)) / 2;
    for (const i of members) {
      if (members.length < 2) continue;
      const it = items[i]!;
      const key = it.short ? `short_${it.kind}` : it.kind;
      const hit = members.some((j) => j !== i && groups[j] !== null && groups[j] === groups[i]);
      const k = kindHit.get(key) ?? [0, 0];
      kindHit.set(key, [k[0] + (hit ? 1 : 0), k[1] + 1]);
    }
  }
  const out: Record<string, number> = {
    dedup_precision: round(tp / Math.max(1, tp + fp)),
    dedup_recall: round(tp / Math.max(1, positives)),
    dedup_false_merge_pairs: fp,
  };
  for (const [k, [h, n]] of kindHit) out[`dedup_recall_${k}`] = round(h / n);
  return out;
}

/** If short headlines were compared by SimHash at `bits`: the share of them with a different headline that close. */
function shortSimhashFalseRate(items: EvalItem[], bits: number): number {
  const shorts = items.filter((x) => x.short && x.kind === 'real');
  const fps = shorts.map((x) => fingerprint(normalise(`${x.text}\n`), x.text.length));
  let close = 0;
  let counted = 0;
  fps.forEach((a, i) => {
    if (!a || a.length < MIN_TEXT_CHARS || a.length >= SIMHASH_MIN_CHARS) return;
    counted++;
    if (fps.some((b, j) => j !== i && b && shorts[j]!.truth !== shorts[i]!.truth && hamming(a.simhash, b.simhash) <= bits)) close++;
  });
  return round(close / Math.max(1, counted));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Scores at one threshold. */
export async function evaluate(thresholdBits: number, quick: boolean): Promise<Record<string, number>> {
  const items = buildItems(quick);
  const { groups, firstOk, groupCount } = await groupItems(items, thresholdBits);
  return {
    dedup_threshold_bits: thresholdBits,
    ...pairScores(items, groups),
    dedup_first_publisher_correct: round(firstOk),
    dedup_groups: groupCount,
    dedup_items: items.length,
    dedup_short_simhash_false_rate: shortSimhashFalseRate(items, thresholdBits),
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
