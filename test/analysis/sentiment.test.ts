// classifySentiment(): loads the committed model and labels clear cases of each class, negation included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentiment } from '../../src/analysis/sentiment/index.ts';

const CASES: { name: string; text: string; want: 'negative' | 'neutral' | 'positive' }[] = [
  { name: 'complaint', text: '物业乱收费半年了，投诉无门，到底有没有人管？太气人了！', want: 'negative' },
  { name: 'negated taste', text: '这家外卖不好吃，送得还慢，再也不点了。', want: 'negative' },
  { name: 'wage arrears', text: '干了大半年活，老板一分钱工资都不给，我们农民工的血汗钱就这么没了吗！', want: 'negative' },
  { name: 'meeting report', text: '3月12日上午，县政府召开常务会议，研究部署春季农业生产工作。', want: 'neutral' },
  { name: 'weather', text: '据县气象台预报，明天全县多云转小雨，气温12到20摄氏度。', want: 'neutral' },
  { name: 'investigation begun', text: '针对网民反映的小区供水问题，县水务局高度重视，已成立调查组赶赴现场核实，调查结果将及时向社会公布。', want: 'neutral' },
  { name: 'thanks', text: '感谢派出所民警帮我找回了丢失的钱包，服务态度特别好，太感动了！', want: 'positive' },
  { name: 'praise of service', text: '给政务服务中心点个赞，半个小时就把事情办完了，工作人员很耐心。', want: 'positive' },
];

for (const c of CASES) {
  test(`sentiment: ${c.name} → ${c.want}`, () => {
    assert.equal(classifySentiment(c.text).label, c.want);
  });
}

test('sentiment: 没有问题 is not negative, 有问题没人管 is', () => {
  assert.notEqual(classifySentiment('检查了一遍，没有问题。').label, 'negative');
  assert.equal(classifySentiment('问题反映了三个月，一直没人管。').label, 'negative');
});

test('sentiment: negation turns praise around', () => {
  const good = classifySentiment('这次的服务我们很满意。');
  const bad = classifySentiment('这次的服务我们并不满意。');
  assert.ok(good.score > bad.score, `${good.score} > ${bad.score}`);
  assert.equal(bad.label, 'negative');
});

test('sentiment: scores stay in [-1, 1] and repeat exactly', () => {
  const texts = ['', '   ', '😀😀😀', 'hello world', '好'.repeat(5000), '【通报】'.repeat(300), '不不不不不不', '！？！？'];
  for (const t of texts) {
    const a = classifySentiment(t);
    assert.ok(a.score >= -1 && a.score <= 1, `score ${a.score} for ${t.slice(0, 10)}`);
    assert.ok(['negative', 'neutral', 'positive'].includes(a.label));
    assert.deepEqual(classifySentiment(t), a);
  }
});

test('sentiment: traditional and full-width text score like simplified', () => {
  assert.deepEqual(classifySentiment('服務態度很差，太讓人失望了！'), classifySentiment('服务态度很差，太让人失望了!'));
});
