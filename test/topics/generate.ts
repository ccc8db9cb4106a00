// Deterministic synthetic topics from real place names (regions/areas.csv, cities.csv) and topic words,
// and real texts (thucnews titles), for the 1,000-topic correctness test and the topics benchmark.
import fs from 'node:fs';
import path from 'node:path';
import { prng as rng } from '../../src/util/prng.ts';

export { rng };

const NOT_PLACES = new Set(['市辖区', '省直辖县级行政区划', '自治区直辖县级行政区划', '县']);

/** Place names from the regions CSVs, each with its short form (融水苗族自治县 → 融水苗族自治, 朝阳区 → 朝阳). */
export function placeNames(regionsDir: string): string[] {
  const out = new Set<string>();
  for (const file of ['cities.csv', 'areas.csv']) {
    for (const line of fs.readFileSync(path.join(regionsDir, file), 'utf8').split('\n').slice(1)) {
      const name = line.split(',')[1]?.replace(/"/g, '').trim();
      if (!name || NOT_PLACES.has(name)) continue;
      out.add(name);
      const short = name.replace(/(市|县|区|旗)$/, '');
      if (short.length >= 2) out.add(short);
    }
  }
  return [...out].sort();
}

/** Topic words across the news classes, plus words with built-in variants (政府, 警察, 中国). */
export const TOPIC_WORDS = [
  '拆迁', '强拆', '补偿', '城管', '上访', '维权', '污染', '事故', '火灾', '欠薪', '教育', '医院', '学校', '政府', '警察',
  '投诉', '举报', '腐败', '暴雨', '洪水', '房价', '楼市', '地产', '基金', '股市', 'A股', '银行', '考研', '高考', '留学',
  '比赛', '球队', 'NBA', '游戏', '网游', '电影', '明星', '手机', '科学', '中国', '美国', '发布', '上涨', '下跌', '曝光',
];

/** `n` deterministic topic expressions mixing every operator, phrases and proximity. */
export function generateTopics(n: number, places: string[], seed = 20261127): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const place = (): string => (r() < 0.7 ? pick(places) : pick(['北京', '上海', '广州', '深圳', '香港', '融水']));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = (): string => pick(TOPIC_WORDS);
    const two = (): string => {
      const a = w();
      const b = TOPIC_WORDS[(TOPIC_WORDS.indexOf(a) + 1 + Math.floor(r() * (TOPIC_WORDS.length - 1))) % TOPIC_WORDS.length]!;
      return `${a} ${b}`;
    };
    switch (i % 6) {
      case 0: out.push(`(${place()}|${place()})+(${w()}|${w()}|${w()})-${w()}`); break;
      case 1: out.push(`${place()}+${w()}`); break;
      case 2: out.push(`"${r() < 0.5 ? two() : `${place()} ${w()}`}"~${Math.floor(r() * 20)}`); break;
      case 3: out.push(`${w()}+${w()}-(${w()}|${w()})`); break;
      case 4: out.push(`(${place()}|"${two()}"~${Math.floor(r() * 10)})+${w()}`); break;
      default: out.push(`${w()}|${place()}-"${w()} ${w()}"`);
    }
  }
  return out;
}

/** Real news titles (thucnews), first `n`, from both files. */
export function newsTitles(dir: string, n: number): string[] {
  const lines = ['dev.txt', 'test.txt'].flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'));
  return lines.map((l) => l.split('\t')[0]!.trim()).filter(Boolean).slice(0, n);
}
