// Chinese word segmentation with jieba (@node-rs/jieba, native, ~30 MB/s measured in shared/NOTES.md).
// One process-wide instance: loading the dictionary takes ~190 ms, so it is built lazily once.
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;
let tfidf: TfIdf | null = null;

/** The shared jieba instance with the default dictionary. */
export function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** The shared TF-IDF keyword extractor with jieba's IDF table. */
export function getTfIdf(): TfIdf {
  tfidf ??= TfIdf.withDict(idf);
  return tfidf;
}

/** Add user words (place and agency names such as 安陲乡, 遇龙河) so they are not split. */
export function addUserWords(words: string[]): void {
  if (words.length === 0) return;
  getJieba().loadDict(Buffer.from(words.map((w) => `${w} 1000 n`).join('\n'), 'utf8'));
}

/** Segment text into words (precise mode, HMM on for unknown words). */
export function segment(text: string): string[] {
  return getJieba().cut(text, true);
}

/** Part-of-speech tagged words. */
export function tag(text: string): { word: string; tag: string }[] {
  return getJieba().tag(text, true);
}
