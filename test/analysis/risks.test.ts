import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileTaxonomy, scoreRisks } from '../../src/analysis/risks.ts';
import { loadTaxonomy, parseTaxonomy, taxonomyPath } from '../../src/analysis/risk-taxonomy.ts';
import { createAnalyzer } from '../../src/analysis/analyzer.ts';
import { normalise } from '../../src/text/normalise.ts';
import { isYqError } from '../../src/errors.ts';

const compiled = compileTaxonomy(loadTaxonomy(taxonomyPath(null)));
const cats = (text: string) => scoreRisks(compiled, normalise(text)).map((r) => r.category);

test('the default taxonomy has the thirteen categories the office handles', () => {
  assert.deepEqual(
    compiled.taxonomy.categories.map((c) => c.id),
    ['accident_safety', 'environment', 'land_demolition', 'wage_labour', 'medical', 'education', 'food_drug', 'law_enforcement', 'official_misconduct', 'natural_disaster', 'group_incident', 'ethnic_religious', 'other'],
  );
});

const CASES: [string, string, string[]][] = [
  ['accident', '国道上两车相撞发生车祸，造成2人死亡3人受伤', ['accident_safety']],
  ['environment', '村民反映化工厂偷排废水，河里出现大量死鱼，恶臭难闻', ['environment']],
  ['demolition', '居民称拆迁补偿款迟迟不到位，夜间遭遇强拆', ['land_demolition']],
  ['wage arrears', '二十多名农民工讨薪无果，包工头拖欠工资半年', ['wage_labour']],
  ['food', '学校食堂发生集体食物中毒，多名学生腹泻呕吐', ['food_drug']],
  ['corruption', '县纪委通报：某局长涉嫌受贿、违纪被立案审查', ['official_misconduct']],
  ['disaster', '暴雨引发山洪和泥石流，多个村庄受灾，转移群众两千人', ['natural_disaster']],
  ['group incident', '上百名业主聚集在售楼处门口拉横幅维权', ['group_incident']],
  ['law enforcement', '网传城管暴力执法殴打摊贩', ['law_enforcement']],
  ['nothing', '今天天气晴朗，适合出游', []],
  ['only generic complaint words: others', '网友投诉称反映多次无人处理，质疑相关部门', ['other']],
];

test('risk categories per text (table)', () => {
  for (const [name, text, want] of CASES) {
    const got = cats(text);
    for (const w of want) assert.ok(got.includes(w), `${name}: ${got.join(',')} lacks ${w}`);
    if (want.length === 0) assert.deepEqual(got, [], name);
  }
});

test('scores rise with evidence, saturate below 1, and drills pull accident risk down', () => {
  const one = scoreRisks(compiled, normalise('发生火灾'))[0];
  const many = scoreRisks(compiled, normalise('发生火灾，起火点爆炸，多人被困受伤，火灾造成死亡'))[0];
  assert.ok(one && many && one.category === 'accident_safety' && many.category === 'accident_safety');
  assert.ok(many.score > one.score && many.score < 1, `${one.score} < ${many.score} < 1`);
  assert.ok(!cats('学校开展消防演练，模拟火灾逃生').includes('accident_safety'));
  assert.equal(cats('发生火灾').includes('other'), false, 'others only when nothing specific');
});

test('a taxonomy in the data folder replaces the default; invalid ones fail naming the path', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yq-tax-'));
  try {
    const custom = { version: 1, threshold: 0.4, categories: [{ id: 'tourism', name: '旅游', terms: { 宰客: 1.2, 景区: 0.3 } }] };
    fs.writeFileSync(path.join(dir, 'risk-taxonomy.json'), JSON.stringify(custom));
    const cfg = { dataDir: dir, jurisdiction: [], riskTaxonomy: '' };
    assert.equal(taxonomyPath(cfg), path.join(dir, 'risk-taxonomy.json'));
    assert.deepEqual(createAnalyzer(cfg).analyze({ title: '', content: '景区饭店宰客' }).risks.map((r) => r.category), ['tourism']);

    const bad = [
      ['{not json', /not valid JSON/],
      [JSON.stringify({ ...custom, threshold: 2 }), /at threshold/],
      [JSON.stringify({ ...custom, categories: [{ id: 'Bad Id', name: 'x', terms: { a: 1 } }] }), /categories\.0\.id/],
      [JSON.stringify({ ...custom, categories: [{ id: 'x', name: 'x', terms: { a: -1 } }] }), /positive term weight/],
      [JSON.stringify({ ...custom, categories: [custom.categories[0], custom.categories[0]] }), /unique/],
    ] as const;
    for (const [text, re] of bad) {
      assert.throws(() => parseTaxonomy(text, 'custom.json'), (e: unknown) => isYqError(e) && e.code === 'YQ_ERR_CONFIG' && re.test(e.message) && e.message.includes('custom.json'));
    }
    assert.throws(() => loadTaxonomy(path.join(dir, 'missing.json')), /YUQING_RISK_TAXONOMY: cannot read/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
