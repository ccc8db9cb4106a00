// Forecast evaluation on the labelled cascades: each event's hourly heat series is cut every 6 hours
// during its active life (up to 14 days) and the next 24 hours are forecast from each cut, by damped Holt,
// by the Hawkes fit and by the naive baseline (the last hour repeated). Errors:
//   MASE        mean absolute hourly error over the 24 hours, scaled by the in-sample one-step naive error
//               (well defined on series full of zero hours, where MAPE is not);
//   total MAPE  absolute percentage error of the 24-hour total, over cuts whose next 24 hours hold ≥ 10 items;
//   coverage    share of actual hours inside the 80 % interval;
//   trend       share of cuts where the judgement (rising/peaking/fading) matches the one the actual
//               next 24 hours give; and the balanced accuracy (mean recall of the three classes), since
//               ~70 % of cuts are fading and a judge that always says "fading" would score 0.7 on plain
//               accuracy while telling the office nothing.
import { forecastEvent, forecastHolt, judge, type Forecast } from '../forecast.ts';
import { forecastHawkes } from '../hawkes.ts';
import { itemHeatWeight } from '../heat.ts';
import { HOUR_MS } from '../cluster/params.ts';
import type { CedLine } from './ced.ts';

const STEP_HOURS = 6;
const MAX_CUT_HOURS = 14 * 24;
const HORIZON = 24;
const MIN_TOTAL = 10;

type Method = 'blend' | 'holt' | 'hawkes' | 'naive';

interface Acc {
  mase: number[];
  ape: number[];
  covered: number;
  hours: number;
  trendHits: number;
  cuts: number;
  /** Per true trend: cuts, and cuts judged right. */
  byTrend: Map<string, { n: number; hit: number }>;
}

/** Per-event dense hourly series of volume and heat. */
export function eventSeries(lines: readonly CedLine[]): { volume: number[]; heat: number[] }[] {
  const byEvent = new Map<string, CedLine[]>();
  for (const l of lines) (byEvent.get(l.event) ?? byEvent.set(l.event, []).get(l.event)!).push(l);
  return [...byEvent.values()].map((ls) => {
    const start = Math.floor(Math.min(...ls.map((l) => l.t)) / HOUR_MS);
    const end = Math.floor(Math.max(...ls.map((l) => l.t)) / HOUR_MS);
    const volume = new Array<number>(end - start + 1).fill(0);
    const heat = new Array<number>(end - start + 1).fill(0);
    for (const l of ls) {
      const h = Math.floor(l.t / HOUR_MS) - start;
      volume[h]! += 1;
      heat[h]! += itemHeatWeight('weibo', { reposts: l.reposts, comments: l.comments });
    }
    return { volume, heat };
  });
}

function vol24(volume: readonly number[], c: number): number {
  return volume.slice(Math.max(0, c - 24), c).reduce((s, v) => s + v, 0);
}

function naive(history: readonly number[]): Forecast {
  const v = history[history.length - 1] ?? 0;
  const mean = new Array<number>(HORIZON).fill(v);
  return { mean, lower: mean, upper: mean, trend: judge(history, mean), method: 'holt-damped' };
}

function score(acc: Acc, f: Forecast, history: readonly number[], actual: readonly number[], scale: number, actualItems: number): void {
  let abs = 0;
  for (let h = 0; h < HORIZON; h++) {
    const a = actual[h] ?? 0;
    abs += Math.abs((f.mean[h] ?? 0) - a);
    if (a >= (f.lower[h] ?? 0) - 1e-9 && a <= (f.upper[h] ?? 0) + 1e-9) acc.covered++;
    acc.hours++;
  }
  acc.mase.push(abs / HORIZON / scale);
  const total = actual.reduce((s, v) => s + v, 0);
  if (actualItems >= MIN_TOTAL) acc.ape.push(Math.abs(f.mean.reduce((s, v) => s + v, 0) - total) / total);
  const truth = judge(history, actual);
  const t = acc.byTrend.get(truth) ?? { n: 0, hit: 0 };
  t.n++;
  if (f.trend === truth) {
    acc.trendHits++;
    t.hit++;
  }
  acc.byTrend.set(truth, t);
  acc.cuts++;
}

/** Run the forecast evaluation; figures are keyed by method. */
type MethodFigures = { mase: number; totalMape: number; coverage: number; trendAccuracy: number; trendBalancedAccuracy: number; cuts: number };

export function evalForecast(lines: readonly CedLine[]): Record<Method, MethodFigures> {
  const accs: Record<Method, Acc> = {
    blend: { mase: [], ape: [], covered: 0, hours: 0, trendHits: 0, cuts: 0, byTrend: new Map() },
    holt: { mase: [], ape: [], covered: 0, hours: 0, trendHits: 0, cuts: 0, byTrend: new Map() },
    hawkes: { mase: [], ape: [], covered: 0, hours: 0, trendHits: 0, cuts: 0, byTrend: new Map() },
    naive: { mase: [], ape: [], covered: 0, hours: 0, trendHits: 0, cuts: 0, byTrend: new Map() },
  };
  for (const { volume, heat } of eventSeries(lines)) {
    for (let c = STEP_HOURS; c < Math.min(heat.length, MAX_CUT_HOURS); c += STEP_HOURS) {
      const history = heat.slice(0, c);
      const actual = Array.from({ length: HORIZON }, (_, h) => heat[c + h] ?? 0);
      const actualItems = volume.slice(c, c + HORIZON).reduce((s, v) => s + v, 0);
      let scale = 0;
      for (let t = 1; t < history.length; t++) scale += Math.abs(history[t]! - history[t - 1]!);
      scale /= Math.max(1, history.length - 1);
      // Forecasting a quiet event is trivial (nothing follows nothing): score only cuts of active events.
      if (scale === 0 || vol24(volume, c) === 0) continue;
      const vol = volume.slice(0, c);
      const recentItems = vol.slice(-24).reduce((s, v) => s + v, 0);
      const heatPerItem = recentItems > 0 ? history.slice(-24).reduce((s, v) => s + v, 0) / recentItems : 1.5;
      score(accs.blend, forecastEvent(history), history, actual, scale, actualItems);
      score(accs.holt, forecastHolt(history, HORIZON), history, actual, scale, actualItems);
      score(accs.hawkes, forecastHawkes(vol, heatPerItem, HORIZON), history, actual, scale, actualItems);
      score(accs.naive, naive(history), history, actual, scale, actualItems);
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : 0);
  const out = {} as Record<Method, MethodFigures>;
  for (const m of ['blend', 'holt', 'hawkes', 'naive'] as const) {
    const a = accs[m];
    out[m] = { mase: mean(a.mase), totalMape: mean(a.ape) * 100, coverage: a.hours ? a.covered / a.hours : 0, trendAccuracy: a.cuts ? a.trendHits / a.cuts : 0,
      trendBalancedAccuracy: mean([...a.byTrend.values()].map((t) => t.hit / t.n)), cuts: a.cuts };
  }
  return out;
}
