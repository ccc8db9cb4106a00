// Lifecycle stage of an event from its hourly heat series, as of a moment. The rules, in order:
//   dormant   (沉寂)  nothing for 24 hours;
//   emerging  (萌芽)  younger than 6 hours, or fewer than 5 items so far: too early to read a trend;
//   growing   (发展)  the last 6 hours carry at least 25 % more heat than the 6 before and the last 3
//                     at least 10 % more than the 3 before (still rising now, not just past a ramp), with
//                     at least 3 items in the last 6 hours (a real rise, not one stray reply in a long tail);
//   peak      (高峰)  the current 3-hour level is at least 60 % of the highest 3-hour level so far;
//   declining (消退)  otherwise: below 60 % of its peak and not rising.
// The 3-hour level (a trailing mean) keeps one busy hour from flipping the stage back and forth.
import { HOUR_MS } from './cluster/params.ts';
import { denseSeries, type SeriesPoint } from './heat.ts';

export const STAGES = ['emerging', 'growing', 'peak', 'declining', 'dormant'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_ZH: Record<Stage, string> = {
  emerging: '萌芽', growing: '发展', peak: '高峰', declining: '消退', dormant: '沉寂',
};

const DORMANT_AFTER_MS = 24 * HOUR_MS;
const EARLY_MS = 6 * HOUR_MS;
const MIN_ITEMS = 5;
const GROWTH = 1.25;
const RISE_ITEMS = 3;
const STILL_RISING = 1.1;
const NEAR_PEAK = 0.6;

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** The stage of an event whose items are summarised in `points` (any order, sparse), as of `now`. */
export function stageOf(points: readonly SeriesPoint[], now: number): Stage {
  const seen = points.filter((p) => p.volume > 0 && p.hourAt <= now);
  if (seen.length === 0) return 'dormant';
  const first = Math.min(...seen.map((p) => p.hourAt));
  const last = Math.max(...seen.map((p) => p.hourAt));
  if (now - last >= DORMANT_AFTER_MS) return 'dormant';
  const volume = sum(seen.map((p) => p.volume));
  if (now - first < EARLY_MS || volume < MIN_ITEMS) return 'emerging';
  const dense = denseSeries(seen, first, now);
  const heat = dense.map((p) => p.heat);
  const level = heat.map((_, i) => sum(heat.slice(Math.max(0, i - 2), i + 1)) / 3);
  const peak = Math.max(...level);
  const current = level[level.length - 1] ?? 0;
  const n = heat.length;
  const recent = sum(heat.slice(Math.max(0, n - 6)));
  const before = sum(heat.slice(Math.max(0, n - 12), Math.max(0, n - 6)));
  const recentItems = sum(dense.slice(Math.max(0, n - 6)).map((p) => p.volume));
  const last3 = sum(heat.slice(Math.max(0, n - 3)));
  const prev3 = sum(heat.slice(Math.max(0, n - 6), Math.max(0, n - 3)));
  if (recentItems >= RISE_ITEMS && recent >= GROWTH * before && last3 >= STILL_RISING * prev3) return 'growing';
  if (peak > 0 && current >= NEAR_PEAK * peak) return 'peak';
  return 'declining';
}
