// Deterministic benchmark corpus: real Weibo posts and news titles from ../shared/data, recombined with a
// seeded PRNG into posts of 200–800 characters, so runs are repeatable and the text is real.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../src/util/prng.ts';

export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');

export { prng };

let cache: { posts: string[]; titles: string[] } | null = null;

/** The real texts the corpus is built from. */
export function realTexts(): { posts: string[]; titles: string[] } {
  if (cache) return cache;
  const posts = fs
    .readFileSync(path.join(SHARED_DATA, 'events/weibo-originals.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text.trim())
    .filter((t) => t.length >= 20);
  const titles = fs
    .readFileSync(path.join(SHARED_DATA, 'headlines/thucnews-titles/test.txt'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0]!.trim())
    .filter((t) => t.length >= 6);
  cache = { posts, titles };
  return cache;
}

export interface CorpusItem {
  external_id: string;
  source: string;
  platform: 'weibo' | 'news' | 'forum';
  title: string;
  content: string;
  published_at: number;
}

/** Item number i of the corpus (same i, same item): a title plus 200–800 characters of real post text. */
export function corpusItem(i: number, baseEpochS = 1_760_000_000): CorpusItem {
  const { posts, titles } = realTexts();
  const r = prng(i * 2654435761);
  const target = 200 + Math.floor(r() * 600);
  let content = '';
  while (content.length < target) content += posts[Math.floor(r() * posts.length)]!;
  const platforms = ['weibo', 'news', 'forum'] as const;
  return {
    external_id: `b${i}`,
    source: `bench-${i % 50}`,
    platform: platforms[i % 3]!,
    title: titles[Math.floor(r() * titles.length)]!,
    content: content.slice(0, target),
    published_at: baseEpochS + i * 7,
  };
}
