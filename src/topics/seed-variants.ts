// The built-in variant dictionary (网言网语): spellings people use online for words that public-affairs
// monitoring watches, to dodge filters or for irony. Only widely known ones; users add local ones through
// `yuqing variant add` or /api/variants. Traditional characters need no entry: normalise() folds them.

export const VARIANT_KINDS = ['pinyin', 'homophone', 'slang', 'other'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface SeedVariant {
  term: string;
  variant: string;
  kind: VariantKind;
}

const pinyin: [string, string][] = [
  ['政府', 'zf'],
  ['城管', 'cg'],
  ['警察', 'jc'],
  ['中国', 'zg'],
  ['共产党', 'gcd'],
  ['公务员', 'gwy'],
  ['人民币', 'rmb'],
  ['派出所', 'pcs'],
  ['纪委', 'jw'],
  ['开发商', 'kfs'],
  ['领导', 'ld'],
  ['黑社会', 'hsh'],
  ['垃圾', 'lj'],
  ['自杀', 'zs'],
  ['强奸', 'qj'],
];

const homophone: [string, string][] = [
  ['和谐', '河蟹'],
  ['叔叔', '蜀黍'],
  ['专家', '砖家'],
  ['教授', '叫兽'],
  ['自杀', '紫砂'],
  ['垃圾', '辣鸡'],
  ['政府', '政腐'],
  ['美国', '米国'],
  ['日本', '霓虹'],
];

const slang: [string, string][] = [
  ['警察', '蜀黍'],
  ['警察', '条子'],
  ['中国', '天朝'],
  ['中国', '种花家'],
];

/** The seed rows the topics migration inserts (term, variant, kind). */
export const SEED_VARIANTS: SeedVariant[] = [
  ...pinyin.map(([term, variant]) => ({ term, variant, kind: 'pinyin' as const })),
  ...homophone.map(([term, variant]) => ({ term, variant, kind: 'homophone' as const })),
  ...slang.map(([term, variant]) => ({ term, variant, kind: 'slang' as const })),
];
