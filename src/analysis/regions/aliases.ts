// The names a division goes by in text: its full name, its stem without the administrative suffix and
// ethnic names (融水苗族自治县 → 融水), and the stem with a plain suffix (融水县, 临夏州).
import type { Division } from './divisions.ts';

/** full: the official name; suffixed: stem + 县/州/旗; short: the bare stem (needs more context). */
export type AliasKind = 'full' | 'suffixed' | 'short';

export interface Alias {
  text: string;
  kind: AliasKind;
}

// The 55 minority nationalities as they appear inside autonomous-area names, longest first so that
// 土家 is tried before 土 and 蒙古 before 蒙.
const ETHNIC = [
  '柯尔克孜', '乌孜别克', '维吾尔', '哈萨克', '塔吉克', '达斡尔', '鄂伦春', '鄂温克', '俄罗斯', '塔塔尔', '傈僳', '布依',
  '朝鲜', '土家', '哈尼', '高山', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌',
  '普米', '德昂', '保安', '裕固', '独龙', '赫哲', '门巴', '珞巴', '基诺', '蒙古', '回', '藏', '苗', '彝', '壮', '满', '侗',
  '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒', '京', '各',
].sort((a, b) => b.length - a.length);

// Suffix → the plain suffix a stem is also written with (自治县 → 县: 融水县), or '' when none is.
const SUFFIXES: Record<Division['level'], [string, string][]> = {
  province: [['特别行政区', ''], ['自治区', ''], ['省', ''], ['市', '']],
  city: [['自治州', '州'], ['地区', ''], ['市', ''], ['盟', '']],
  county: [['自治县', '县'], ['自治旗', '旗'], ['林区', ''], ['特区', ''], ['县', ''], ['区', ''], ['市', ''], ['旗', '']],
  township: [['街道办事处', ''], ['地区办事处', ''], ['少数民族乡', '乡'], ['民族乡', '乡'], ['民族苏木', ''], ['苏木', ''], ['街道', ''], ['镇', ''], ['乡', ''], ['办事处', '']],
};

/** Strip ethnic names at the end of a stem while at least two characters remain (内蒙古 stays). */
export function stripEthnic(stem: string): string {
  let s = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC) {
      for (const form of [`${e}族`, e]) {
        // A bare one-character nationality (回, 苗) is only stripped with 族; a bare multi-character one
        // (蒙古, 维吾尔) appears without 族 in names such as 伊犁哈萨克自治州.
        if (form.length === 1) continue;
        if (s.endsWith(form) && s.length - form.length >= 2) {
          s = s.slice(0, -form.length);
          changed = true;
        }
      }
    }
  }
  return s;
}

/** Every alias of a division, full name first; stems shorter than two characters are never aliases. */
export function aliasesOf(d: Division): Alias[] {
  const out: Alias[] = [{ text: d.name, kind: 'full' }];
  const seen = new Set([d.name]);
  const add = (text: string, kind: AliasKind) => {
    if (text.length >= 2 && !seen.has(text)) {
      seen.add(text);
      out.push({ text, kind });
    }
  };
  for (const [suffix, plain] of SUFFIXES[d.level]) {
    if (!d.name.endsWith(suffix) || d.name.length === suffix.length) continue;
    let stem = d.name.slice(0, -suffix.length);
    // Autonomous areas and ethnic townships carry nationality names before the suffix; 回族乡 too.
    if (suffix.startsWith('自治') || suffix.includes('民族') || /族$/.test(stem)) stem = stripEthnic(stem);
    // A stem that is only a nationality (东乡族自治县, 鄂温克族自治旗) is written 东乡县 but never bare.
    const nationality = /族$/.test(stem) && ETHNIC.includes(stem.slice(0, -1));
    if (nationality) stem = stem.slice(0, -1);
    if (plain) add(stem + plain, 'suffixed');
    if (!nationality) add(stem, 'short');
    break;
  }
  return out;
}
