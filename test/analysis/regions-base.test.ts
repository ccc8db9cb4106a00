// Region recognition with the shipped provinces and prefectures only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getRegionIndex } from '../../src/analysis/regions/gazetteer.ts';
import { resolveRegions } from '../../src/analysis/regions/resolve.ts';
import { aliasesOf, stripEthnic } from '../../src/analysis/regions/aliases.ts';
import { isInJurisdiction } from '../../src/analysis/regions/jurisdiction.ts';
import { normalise } from '../../src/text/normalise.ts';

const codes = (text: string, jurisdiction: string[] = []) =>
  resolveRegions(getRegionIndex(null), normalise(text), { jurisdiction }).map((h) => h.code);

test('aliases: suffixes and nationality names are stripped, stems of one character never kept', () => {
  const names = (name: string, level: 'province' | 'city' | 'county' | 'township') =>
    aliasesOf({ code: '0', name, level, parent: null }).map((a) => `${a.text}/${a.kind}`);
  assert.deepEqual(names('融水苗族自治县', 'county'), ['融水苗族自治县/full', '融水县/suffixed', '融水/short']);
  assert.deepEqual(names('临夏回族自治州', 'city'), ['临夏回族自治州/full', '临夏州/suffixed', '临夏/short']);
  assert.deepEqual(names('广西壮族自治区', 'province'), ['广西壮族自治区/full', '广西/short']);
  assert.deepEqual(names('内蒙古自治区', 'province'), ['内蒙古自治区/full', '内蒙古/short']);
  assert.deepEqual(names('东乡族自治县', 'county'), ['东乡族自治县/full', '东乡县/suffixed']);
  assert.deepEqual(names('萧县', 'county'), ['萧县/full']);
  assert.deepEqual(names('于家务回族乡', 'township'), ['于家务回族乡/full', '于家务/short']);
  assert.equal(stripEthnic('双江拉祜族佤族布朗族傣族'), '双江');
});

const CASES: { name: string; text: string; want: string[]; jurisdiction?: string[] }[] = [
  { name: 'full province + city', text: '广西壮族自治区柳州市发布暴雨预警', want: ['45', '4502'] },
  { name: 'short forms', text: '广西柳州螺蛳粉走红', want: ['45', '4502'] },
  { name: 'autonomous prefecture 州 form', text: '临夏州举办花儿会', want: ['6229'] },
  { name: 'municipality', text: '北京市发布通知', want: ['11'] },
  { name: '朝阳 as morning sun is no place', text: '清晨的朝阳照在和平广场上', want: [] },
  { name: '朝阳 after 辽宁 is the prefecture', text: '辽宁朝阳一化工企业被查处', want: ['21', '2113'] },
  { name: '朝阳 with a strong cue', text: '位于朝阳的一家工厂', want: ['2113'] },
  { name: 'ordinary words stay words', text: '今天日照充足，白银价格上涨，来宾请登记，祝身体安康', want: [] },
  { name: 'short form inside a longer word', text: '这家店的大理石台面很漂亮，中山大学录取线公布', want: [] },
  { name: 'person name 中山', text: '孙中山先生诞辰纪念', want: [] },
  { name: '中山 beside its province', text: '广东中山一工厂起火', want: ['44', '4420'] },
  { name: '吉林 province before its capital', text: '吉林长春降雪', want: ['22', '2201'] },
  { name: '吉林市 is the city', text: '吉林省吉林市一化工厂泄漏', want: ['22', '2202'] },
  { name: 'list of provinces', text: '北京、天津、河北共建生态屏障', want: ['11', '12', '13'] },
  { name: 'Hong Kong', text: '香港特别行政区政府公布施政报告', want: ['81'] },
  { name: 'repeated mention once', text: '柳州市……柳州', want: ['4502'] },
];

test('region cases with the shipped gazetteer', () => {
  for (const c of CASES) assert.deepEqual(codes(c.text, c.jurisdiction), c.want, c.name);
});

test('hits carry the full name and level', () => {
  assert.deepEqual(resolveRegions(getRegionIndex(null), normalise('临夏州')), [{ code: '6229', name: '临夏回族自治州', level: 'city' }]);
});

test('isInJurisdiction: a region within a configured code', () => {
  const rongshui = { code: '450225', name: '融水苗族自治县', level: 'county' as const };
  assert.equal(isInJurisdiction([rongshui], { jurisdiction: ['450225'] }), true);
  assert.equal(isInJurisdiction([{ code: '450225209' }], { jurisdiction: ['450225'] }), true);
  assert.equal(isInJurisdiction([{ code: '4502' }], { jurisdiction: ['450225'] }), false);
  assert.equal(isInJurisdiction([rongshui], { jurisdiction: [] }), false);
});
