// The word check for bare short forms: a name found inside a longer jieba word (大理石, 中山大学,
// 长治久安) is not a mention, unless that word is made of region names (云南昆明) or ends in a place tail.
import { getJieba } from '../../text/segment.ts';
import type { Candidate } from './region-index.ts';

/** A matched alias: text[start, end) and the divisions it may name. */
export interface Span {
  start: number;
  end: number;
  candidates: Candidate[];
}

/** Offsets at which a jieba word starts or ends (cutting the text when the caller has no words). */
export function wordBoundaries(text: string, words: readonly string[] | undefined): Uint8Array {
  const b = new Uint8Array(text.length + 1);
  b[0] = 1;
  let pos = 0;
  for (const w of words ?? getJieba().cut(text, true)) {
    pos += w.length;
    if (pos <= text.length) b[pos] = 1;
  }
  b[text.length] = 1;
  return b;
}

// What may follow a place name inside one jieba word (香港特区, 呼伦贝尔草原, 融水县城).
// Or a place the division list does not know (上海浦东新区 with only provinces and prefectures loaded).
const PLACE_LIKE = /^.{1,6}(省|市|县|区|州|盟|旗|镇|乡|街道)$/;
const WORD_TAIL = new Set(['地区', '特区', '政府', '特区政府', '市政府', '县政府', '区政府', '警方', '公安', '市委', '县委', '草原', '新区', '城区', '市区', '县城', '境内', '一带', '人', '籍', '市民', '当地', '本地', '全境', '段']);

/**
 * True when a short form stands as a word: the jieba word around it is made of region names only,
 * optionally ending in a place tail (云南昆明, 香港特区), so 大理石, 中山大学, 长治久安 do not count.
 */
export function standsAsWord(t: string, span: Span, bounds: Uint8Array, byStart: Map<number, Span>): boolean {
  let ws = span.start;
  while (ws > 0 && !bounds[ws]) ws--;
  let we = span.end;
  while (we < t.length && !bounds[we]) we++;
  let p = ws;
  while (p < span.start) {
    const s = byStart.get(p);
    if (!s) return false;
    p = s.end;
  }
  if (p !== span.start) return false;
  p = span.end;
  while (p < we) {
    const s = byStart.get(p);
    if (!s) return WORD_TAIL.has(t.slice(p, we)) || PLACE_LIKE.test(t.slice(p, we));
    if (s.end > we) return false; // 大理|石台: the next name runs past the word
    p = s.end;
  }
  return true;
}
