// Real texts for measuring near-duplicate detection (scripts/eval/dedup.ts, bench/dedup.ts, tests):
// Weibo posts from ../shared/data/events and headlines from ../shared/data/headlines, read in place.
import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../text/normalise.ts';
import { dedupText, MIN_TEXT_CHARS } from './features.ts';
import { prng } from '../util/prng.ts';

/** The shared data folder beside the repository. */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');

export { prng };

function jsonl<T>(file: string): T[] {
  return fs.readFileSync(path.join(SHARED_DATA, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

/** Weibo posts (originals, CED roots and CED replies of 20+ characters) and short headlines. */
export function loadDedupCorpus(limits: { posts: number; headlines: number }): { posts: string[]; headlines: string[] } {
  const originals = jsonl<{ text: string | null }>('events/weibo-originals.jsonl').map((r) => r.text ?? '');
  const ced = jsonl<{ text: string | null }>('events/weibo-ced/events.jsonl').map((r) => r.text ?? '');
  const posts = [...originals, ...ced].map((t) => t.trim()).filter((t) => t.length >= 20).slice(0, limits.posts);
  const thuc = fs
    .readFileSync(path.join(SHARED_DATA, 'headlines/thucnews-titles/test.txt'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0]!.trim());
  const hotDir = path.join(SHARED_DATA, 'headlines/weibo-hot-search');
  const hot = fs
    .readdirSync(hotDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(hotDir, f), 'utf8')) as { title: string }[]).map((x) => x.title.trim()));
  const half = Math.floor(limits.headlines / 2);
  const headlines = [...thuc.filter(Boolean).slice(0, half), ...hot.filter(Boolean).slice(0, limits.headlines - half)];
  return { posts, headlines };
}

/** Character trigrams of a text (the text itself when shorter). */
export function shingles(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length < 3) out.add(s);
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Jaccard similarity of two sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 1 : both / union;
}

/** Trigram sets of the texts as the stage compares them; null for texts too short to be grouped. */
export function comparableShingles(texts: string[]): (Set<string> | null)[] {
  return texts.map((t) => {
    const d = dedupText(normalise(`\n${t}`), 0);
    return d.length < MIN_TEXT_CHARS ? null : shingles(d);
  });
}

/** Index pairs [i, j] (i < j) whose trigram Jaccard is at least `min`. */
export function similarPairs(sets: (Set<string> | null)[], min = 0.5): [number, number][] {
  const postings = new Map<string, number[]>();
  sets.forEach((s, i) => s?.forEach((g) => (postings.get(g) ?? postings.set(g, []).get(g)!).push(i)));
  const out: [number, number][] = [];
  sets.forEach((s, i) => {
    if (!s) return;
    const seen = new Set<number>();
    for (const g of s) {
      const p = postings.get(g)!;
      // A trigram in hundreds of texts (的一个) says nothing about any pair.
      if (p.length > 300) continue;
      for (const j of p) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        if (jaccard(s, sets[j]!) >= min) out.push([i, j]);
      }
    }
  });
  return out;
}
