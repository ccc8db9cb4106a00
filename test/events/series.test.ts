import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemHeatWeight, heat24h, type SeriesPoint } from '../../src/events/heat.ts';
import { stageOf } from '../../src/events/lifecycle.ts';
import { forecastEvent, forecastHolt } from '../../src/events/forecast.ts';
import { fitDecay, forecastDecay } from '../../src/events/decay.ts';
import { fitHawkes, forecastHawkes } from '../../src/events/hawkes.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

/** Points from hourly heats (volume = heat rounded up). */
function points(heats: number[]): SeriesPoint[] {
  return heats.map((h, i) => ({ hourAt: T0 + i * H, volume: Math.ceil(h), heat: h }));
}
const nowAfter = (n: number) => T0 + (n - 1) * H + 30 * 60_000;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test('heat weighs platforms (news > weibo > forum) and engagement on a log scale', () => {
  assert.ok(itemHeatWeight('news', {}) > itemHeatWeight('weibo', {}));
  assert.ok(itemHeatWeight('weibo', {}) > itemHeatWeight('forum', {}));
  const w0 = itemHeatWeight('weibo', {});
  const w10 = itemHeatWeight('weibo', { reposts: 9 });
  const w100 = itemHeatWeight('weibo', { reposts: 99 });
  assert.ok(Math.abs(w100 - w10 - (w10 - w0)) < 1e-9, 'each tenfold adds the same');
  assert.equal(heat24h(points([5, 5, 5]), T0 + 2 * H), 15);
  assert.equal(heat24h(points([5, ...new Array<number>(30).fill(0)]), T0 + 30 * H), 0);
});

test('lifecycle stages of synthetic series with a known shape', () => {
  const cases: [string, number[], string, number?][] = [
    ['young event', [3, 4], 'emerging'],
    ['few items', [1, 0, 0, 0, 0, 0, 0, 1, 1], 'emerging'],
    ['steady rise', [1, 2, 3, 4, 6, 8, 10, 13, 16, 20, 25, 30], 'growing'],
    ['holding near the top', [2, 10, 30, 40, 42, 41, 40, 39, 40, 41, 40, 40], 'peak'],
    ['long decay', [40, 60, 50, 30, 20, 12, 8, 5, 3, 2, 2, 1, 1, 1], 'declining'],
    ['quiet for a day', [10, 20, 30, 20, 10, 5, ...new Array<number>(30).fill(0)], 'dormant'],
  ];
  for (const [name, series, want] of cases) assert.equal(stageOf(points(series), nowAfter(series.length)), want, name);
  assert.equal(stageOf([], T0), 'dormant');
});

test('damped Holt forecast follows the direction of a synthetic series and brackets it', () => {
  const growth = Array.from({ length: 48 }, (_, i) => Math.round(2 * Math.exp(0.08 * i)));
  const decay = Array.from({ length: 48 }, (_, i) => Math.round(200 * Math.exp(-0.1 * i)));
  const flat = Array.from({ length: 48 }, (_, i) => 20 + (i % 3) - 1);
  const up = forecastHolt(growth);
  const down = forecastHolt(decay);
  const level = forecastHolt(flat);
  assert.equal(up.trend, 'rising');
  assert.equal(down.trend, 'fading');
  assert.equal(level.trend, 'peaking');
  assert.ok(sum(up.mean) > sum(growth.slice(-24)));
  assert.ok(sum(down.mean) < sum(decay.slice(-24)));
  assert.ok(Math.abs(sum(level.mean) / 24 - 20) < 2);
  for (const f of [up, down, level]) {
    assert.equal(f.mean.length, 24);
    f.mean.forEach((m, i) => assert.ok(f.lower[i]! <= m && m <= f.upper[i]! && f.lower[i]! >= 0));
    // The interval widens with the horizon.
    assert.ok(f.upper[23]! - f.lower[23]! >= f.upper[0]! - f.lower[0]! - 1e-9);
  }
  assert.equal(forecastHolt([]).trend, 'fading');
});

test('Hawkes fit recovers the branching ratio of a simulated self-exciting series', () => {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const poisson = (lam: number) => {
    let k = 0;
    let p = rnd();
    const l = Math.exp(-lam);
    while (p > l) {
      k++;
      p *= rnd();
    }
    return k;
  };
  const mu = 0.5, a = 0.6, beta = 0.4, d = Math.exp(-beta);
  const x: number[] = [];
  let g = 0;
  for (let t = 0; t < 3000; t++) {
    const n = poisson(mu + a * g);
    x.push(n);
    g = d * g + (1 - d) * n;
  }
  const fit = fitHawkes(x);
  assert.ok(Math.abs(fit.a - a) < 0.15, `branching ${fit.a}`);
  assert.ok(Math.abs(fit.mu - mu) < 0.25, `background ${fit.mu}`);
  const f = forecastHawkes(x, 1);
  const stationary = mu / (1 - a);
  assert.ok(Math.abs(sum(f.mean) / 24 - stationary) < 0.6, 'long-run mean');
});

test('attention decay recovers a power-law fade and the blended forecast calls it fading', () => {
  const curve = Array.from({ length: 72 }, (_, a) => 500 * (a + 3) ** -1.5);
  const fit = fitDecay(curve);
  assert.equal(fit.gamma, 1.5);
  assert.equal(fit.c, 3);
  const next = forecastDecay(curve, 24).mean;
  const truth = Array.from({ length: 24 }, (_, h) => 500 * (72 + h + 3) ** -1.5);
  next.forEach((m, i) => assert.ok(Math.abs(m - truth[i]!) < 1e-6 * truth[i]! + 1e-9));
  const blended = forecastEvent(curve.map((v) => Math.round(v * 10) / 10));
  assert.equal(blended.method, 'holt+decay');
  assert.equal(blended.trend, 'fading');
  blended.mean.forEach((m, i) => assert.ok(blended.lower[i]! <= m && m <= blended.upper[i]!));
});
