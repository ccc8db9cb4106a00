// Repost variants the way they appear online, built deterministically from a real text: the measuring
// stick of scripts/eval/dedup.ts, bench/dedup.ts and the tests (a near-duplicate must survive each).

export type VariantKind = 'tag' | 'source_line' | 'punctuation' | 'headline' | 'comment' | 'edit' | 'combined';

/** Every kind, in a fixed order. */
export const VARIANT_KINDS: VariantKind[] = ['tag', 'source_line', 'punctuation', 'headline', 'comment', 'edit', 'combined'];
/** The kinds a short text (a headline) survives: only what leaves its content characters unchanged. */
export const SHORT_VARIANT_KINDS: VariantKind[] = ['tag', 'source_line', 'punctuation'];

const TAGS = ['【转载】', '[转载]', '【转】', '(转)', '【转发】'];
const SOURCES = ['人民网', '新华网', '@融水发布', '澎湃新闻', '今日头条', '微信公众号“身边事”'];
const COMMENTS = ['太可怕了！', '转发', '大家注意', '真的假的？', '支持！！要严查', '扩散', '求真相'];
const NAMES = ['张三', '李四的微博', 'abc123', '平安融水'];
const FILLERS = ['的', '了', '是', '在', '人', '有', '这', '就'];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** Full-width and half-width punctuation swapped, exclamations added, spaces inserted. */
function punctuate(text: string, rand: () => number): string {
  const comma = rand() < 0.5 ? ',' : ' ';
  return text
    .replace(/，/g, comma)
    .replace(/。/g, rand() < 0.5 ? '！' : '. ')
    .replace(/：/g, ':')
    .replace(/[“”]/g, '"')
    .replace(/！/g, '!!');
}

/** `n` characters replaced at random positions (typos, a changed word). */
function editChars(text: string, n: number, rand: () => number): string {
  const cs = [...text];
  for (let i = 0; i < n; i++) cs[Math.floor(rand() * cs.length)] = pick(rand, FILLERS);
  return cs.join('');
}

const HEADLINE = /^\s*【[^】]{1,60}】/;

/** A repost of `text` of the given kind; `headlines` supplies replacement headlines. */
export function makeVariant(kind: VariantKind, text: string, rand: () => number, headlines: readonly string[]): string {
  switch (kind) {
    case 'tag':
      return pick(rand, TAGS) + text;
    case 'source_line':
      return `${text}\n${rand() < 0.5 ? '转自' : '来源：'}${pick(rand, SOURCES)}`;
    case 'punctuation':
      return punctuate(text, rand);
    case 'headline': {
      const h = `【${pick(rand, headlines)}】`;
      return HEADLINE.test(text) ? text.replace(HEADLINE, h) : h + text;
    }
    case 'comment':
      return `${pick(rand, COMMENTS)}//@${pick(rand, NAMES)}:${text}`;
    case 'edit':
      return editChars(text, 2, rand);
    case 'combined':
      return `${pick(rand, TAGS)}${punctuate(editChars(text, 1, rand), rand)}\n来源：${pick(rand, SOURCES)}`;
  }
}
