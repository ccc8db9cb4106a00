// Negators and clause breaks: a negator flips the sentiment of the next few words of its clause.

const NEGATORS = new Set([
  '不', '没', '没有', '未', '无', '别', '非', '莫', '勿', '未曾', '并未', '并不', '并非', '绝不', '从不', '从未',
  '毫无', '不是', '不会', '不能', '不够', '不太', '没什么', '算不上', '谈不上', '不再', '决不', '尚未', '不用', '无需',
]);

const BREAKS = new Set([
  '，', ',', '。', '.', '！', '!', '？', '?', '；', ';', '：', ':', '、', '~', '～', '…', '\n',
  '但', '但是', '可是', '不过', '然而', '却', '而且', '只是',
]);

/** True when `w` negates what follows it. */
export function isNegator(w: string): boolean {
  return NEGATORS.has(w);
}

/** True when `w` ends a negation's scope (punctuation or a contrastive conjunction). */
export function isClauseBreak(w: string): boolean {
  return BREAKS.has(w);
}
