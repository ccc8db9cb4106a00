// SimHash properties on real Weibo text: identical → 0, small edits → few bits, unrelated → about 32;
// boilerplate stripping; band probes that guarantee recall up to 7 bits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hamming, toHex, fromHex, popcount32, type Simhash } from '../../src/dedup/simhash.ts';
import { fingerprint, dedupText } from '../../src/dedup/features.ts';
import { stripBoilerplate } from '../../src/dedup/strip.ts';
import { bandKeys, probeKeys } from '../../src/dedup/bands.ts';
import { loadDedupCorpus, prng } from '../../src/dedup/eval-corpus.ts';
import { makeVariant } from '../../src/dedup/variants.ts';
import { normalise } from '../../src/text/normalise.ts';

const posts = loadDedupCorpus({ posts: 3362, headlines: 0 }).posts.filter((t) => t.length >= 80).slice(0, 300);
const fp = (text: string, title = ''): Simhash => {
  const f = fingerprint(normalise(`${title}\n${text}`), title.length);
  assert.ok(f, `no fingerprint for ${text}`);
  return f.simhash;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

test('simhash: identical texts are 0 bits apart, hex form round-trips', () => {
  for (const t of posts.slice(0, 20)) {
    const h = fp(t);
    assert.equal(hamming(h, fp(t)), 0);
    assert.equal(toHex(h).length, 16);
    assert.deepEqual(fromHex(toHex(h)), h);
  }
  assert.equal(popcount32(0xffffffff), 32);
  assert.equal(popcount32(0), 0);
  assert.equal(hamming({ hi: 0, lo: 1 }, { hi: 0x80000000, lo: 0 }), 2);
});

test('simhash: one changed character moves a real post a few bits; unrelated posts are about 32 apart', () => {
  const rand = prng(1);
  const small = posts.map((t) => hamming(fp(t), fp(makeVariant('edit', t, rand, []))));
  assert.ok(median(small) <= 8, `median distance after a 2-character edit: ${median(small)}`);
  const unrelated = posts.slice(1).map((t, i) => hamming(fp(posts[i]!), fp(t)));
  const mean = unrelated.reduce((a, b) => a + b, 0) / unrelated.length;
  assert.ok(mean > 28 && mean < 36, `mean distance between unrelated posts: ${mean}`);
  assert.ok(Math.min(...unrelated) > 10, `closest unrelated pair: ${Math.min(...unrelated)}`);
});

test('simhash: reposts that only add a tag, a source line or change punctuation hash the same', () => {
  const rand = prng(2);
  for (const t of posts.slice(0, 100)) {
    for (const kind of ['tag', 'source_line', 'punctuation'] as const) {
      assert.equal(hamming(fp(t), fp(makeVariant(kind, t, rand, ['新标题']))), 0, `${kind} of ${t}`);
    }
  }
});

test('simhash: a changed title does not count when the body is long enough', () => {
  const body = posts[0]!;
  assert.equal(hamming(fp(body, '融水县召开安全生产会议'), fp(body, '【转载】安全生产会议召开')), 0);
  assert.equal(dedupText(normalise('短标题\n短正文'), 3), '短标题短正文');
});

const STRIP_CASES: [string, string, string][] = [
  ['repost tag', '【转载】融水县拆迁补偿款未到位。', '融水县拆迁补偿款未到位'],
  ['source line', '融水县拆迁补偿款未到位\n转自：融水新闻网', '融水县拆迁补偿款未到位'],
  ['source note in parentheses', '补偿款未到位（转自人民网）居民反映', '补偿款未到位居民反映'],
  ['来源 and 编辑 lines', '原标题：拆迁\n正文内容在这里\n责任编辑：李四', '正文内容在这里'],
  ['mentions, URL, hashtag, emoticon', '太可怕了[怒]//@张三:#融水# http://t.cn/abc 真相', '太可怕了真相'],
  ['half- and full-width punctuation', '补偿款，未到位！！', '补偿款未到位'],
  ['a long line starting with 转自 is content', `转自百度贴吧 ${'很长的正文'.repeat(10)}`, `转自百度贴吧${'很长的正文'.repeat(10)}`],
];
for (const [name, input, want] of STRIP_CASES) {
  test(`stripBoilerplate: ${name}`, () => {
    assert.equal(stripBoilerplate(normalise(input)), want);
  });
}

test('bands: every fingerprint within 7 bits shares a probed key; 4 keys are filed', () => {
  const rand = prng(3);
  const u32 = () => Math.floor(rand() * 2 ** 32) >>> 0;
  for (let n = 0; n < 2000; n++) {
    const a = { hi: u32(), lo: u32() };
    const b = { ...a };
    const flips = 1 + (n % 7);
    const bits = new Set<number>();
    while (bits.size < flips) bits.add(Math.floor(rand() * 64));
    for (const bit of bits) {
      if (bit < 32) b.hi = (b.hi ^ (1 << bit)) >>> 0;
      else b.lo = (b.lo ^ (1 << (bit - 32))) >>> 0;
    }
    assert.equal(hamming(a, b), flips);
    const probes = new Set(probeKeys(b));
    assert.ok(bandKeys(a).some((k) => probes.has(k.key)), `missed at ${flips} bits`);
  }
  assert.equal(probeKeys({ hi: 1, lo: 2 }).length, 68);
  assert.equal(new Set(bandKeys({ hi: 0, lo: 0 }).map((k) => k.key)).size, 4);
});
