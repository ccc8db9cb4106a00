// normalise() skips OpenCC for text it cannot change and converts run by run; it must give exactly what
// converting the whole text at once gives. Checked against that reference on real posts and headlines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { normalise } from '../../src/text/normalise.ts';
import { conversionTriggers } from '../../src/text/traditional-chars.ts';
import { sharedData } from '../helpers/context.ts';

const whole = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** The straightforward definition: fold width and case, convert the whole text, char by char if the length changes. */
function reference(text: string): string {
  let w = '';
  for (const ch of text) {
    let c = ch.charCodeAt(0);
    if (ch.length === 1) {
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      else if (c === 0x3000) c = 0x20;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      w += String.fromCharCode(c);
    } else w += ch;
  }
  const converted = whole(w);
  if (converted.length === w.length) return converted;
  let out = '';
  for (const ch of w) {
    const c = whole(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

function realTexts(): string[] {
  const data = sharedData();
  const texts: string[] = [];
  for (const line of fs.readFileSync(path.join(data, 'events/weibo-ced/events.jsonl'), 'utf8').split('\n')) {
    if (line) texts.push((JSON.parse(line) as { text?: string }).text ?? '');
  }
  for (const line of fs.readFileSync(path.join(data, 'headlines/thucnews-titles/test.txt'), 'utf8').split('\n').slice(0, 5000)) {
    texts.push(line.split('\t')[0] ?? '');
  }
  return texts;
}

test('normalise matches whole-text OpenCC conversion on real posts and headlines', () => {
  const texts = realTexts();
  assert.ok(texts.length > 10_000);
  let traditional = 0;
  for (const t of texts) {
    const got = normalise(t);
    assert.equal(got, reference(t), `differs on ${JSON.stringify(t.slice(0, 80))}`);
    if (got !== t) traditional++;
  }
  assert.ok(traditional > 100, `expected some texts to change, got ${traditional}`);
});

test('normalise folds Traditional, full-width and case, keeping the length', () => {
  const cases: [string, string][] = [
    ['臺北市政府發佈公告：軟體園區停水', '台北市政府发布公告:软体园区停水'],
    ['ＡＢＣ１２３，Ｈｅｌｌｏ　世界', 'abc123,hello 世界'],
    ['城管執法過程中發生衝突！網友質疑', '城管执法过程中发生冲突!网友质疑'],
    ['什么时候解决？这么多天了', '什么时候解决?这么多天了'],
  ];
  for (const [input, want] of cases) {
    const got = normalise(input);
    assert.equal(got, want);
    assert.equal(got.length, input.length);
  }
});

test('text without convertible characters comes back as the same string', () => {
  const t = '安澜县城关镇拆迁户反映补偿款迟迟未到位, 县住建局回应称正在核实。';
  assert.equal([...t].some((ch) => conversionTriggers().has(ch)), false);
  assert.equal(normalise(t), t);
});

test('bad input passes through: lone surrogates and astral characters', () => {
  const t = 'a\ud800b 𠀀發展 \udfff';
  const got = normalise(t);
  assert.equal(got.length, t.length);
  assert.equal(got, reference(t));
});
