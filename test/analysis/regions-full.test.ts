// Region recognition with the full national list (counties, townships): duplicates, context, jurisdiction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDivisionFolder } from '../../src/analysis/regions/read-folder.ts';
import { buildRegionIndex } from '../../src/analysis/regions/region-index.ts';
import { resolveRegions } from '../../src/analysis/regions/resolve.ts';
import { normalise } from '../../src/text/normalise.ts';
import { sharedData } from '../helpers/context.ts';

const index = buildRegionIndex(readDivisionFolder(sharedData('regions')), 'shared');
const codes = (text: string, jurisdiction: string[] = []) => resolveRegions(index, normalise(text), { jurisdiction }).map((h) => h.code);

test('placeholders (市辖区, 省直辖县级行政区划) are not places; their children hang from the province', () => {
  for (const code of ['1101', '4190', '4290', '4690', '6590', '5002', '441900']) assert.equal(index.byCode.has(code), false, code);
  assert.equal(index.byCode.get('110105')?.parent, '11');
  assert.equal(index.byCode.get('419001')?.parent, '41');
  assert.equal(index.byCode.get('441900121')?.parent, '4419'); // 虎门镇 under 东莞市 itself
  assert.equal(codes('市辖区').length, 0);
});

const CASES: { name: string; text: string; want: string[]; jurisdiction?: string[] }[] = [
  { name: '朝阳区 alone: the Beijing district (municipality over capital)', text: '朝阳区通报一起食品安全事件', want: ['110105'] },
  { name: '北京朝阳区', text: '北京朝阳区望京一带发生交通事故', want: ['11', '110105', '110105026'] },
  { name: '长春市朝阳区', text: '长春市朝阳区一小区供暖不达标', want: ['2201', '220104'] },
  { name: '辽宁朝阳 is the prefecture, not 朝阳县', text: '辽宁朝阳一化工企业被查处', want: ['21', '2113'] },
  { name: '北京 … 朝阳 far apart still picks the district', text: '北京警方通报：朝阳警方破获一起诈骗案', want: ['11', '110105'] },
  { name: '朝阳 trap', text: '清晨的朝阳照在和平广场上', want: [] },
  { name: '和平区 of 天津', text: '天津和平区五大道游客如织', want: ['12', '120101', '120101003'] },
  { name: '和平区 of 沈阳', text: '沈阳和平区一商场起火', want: ['2101', '210102'] },
  { name: '和平 trap', text: '我们热爱和平，反对战争', want: [] },
  { name: 'two 城关区 settled by the name beside each', text: '兰州城关区与拉萨城关区结对帮扶', want: ['6201', '620102', '5401', '540102'] },
  { name: '长安 in 长安街 is a street', text: '他在长安街上散步', want: [] },
  { name: '西安长安区', text: '西安长安区大学城一学生失联', want: ['6101', '610116'] },
  { name: 'county short form with 县', text: '融水县举办芦笙斗马节', want: ['450225'] },
  { name: 'county short form with a cue', text: '网友反映在融水看病难', want: ['450225'] },
  { name: 'bare 2-character county short form needs context', text: '融水苗寨风光美', want: [] },
  { name: '… or the jurisdiction', text: '融水苗寨风光美', want: ['450225'], jurisdiction: ['450225'] },
  { name: 'township short form after its county', text: '融水安陲一村民被困山中', want: ['450225', '450225209'] },
  { name: 'township short form alone is not enough', text: '在安陲有人被困', want: [] },
  { name: 'township short form in the jurisdiction with a cue', text: '在安陲有人被困', want: ['450225209'], jurisdiction: ['450225'] },
  { name: 'township full name, unique', text: '安陲乡一村民求助', want: ['450225209'] },
  { name: 'township full name, 88 duplicates: nothing', text: '城关镇一居民反映噪音扰民', want: [] },
  { name: 'a province is too broad to place a township (化工街道)', text: '辽宁一化工企业被查处', want: ['21'] },
  { name: 'generic township-level unit needs its county', text: '一物流园区失火', want: [] },
  { name: 'jurisdiction prefers its own 城中区 (柳州)', text: '城中区一路段积水严重', want: ['450202'], jurisdiction: ['4502'] },
  { name: 'jurisdiction prefers its own 城中区 (西宁)', text: '城中区一路段积水严重', want: ['630103'], jurisdiction: ['6301'] },
  { name: 'county-level city row equal to its prefecture is dropped', text: '广东中山市石岐街道', want: ['44', '4420', '442000001'] },
  { name: 'autonomous county with several nationalities', text: '积石山县6.2级地震灾后重建', want: ['622927'] },
  { name: 'list with 河北 after 天津 is the province', text: '北京、天津、河北共建生态屏障', want: ['11', '12', '13'] },
];

test('region cases with the full gazetteer (table)', () => {
  for (const c of CASES) assert.deepEqual(codes(c.text, c.jurisdiction), c.want, c.name);
});
