// Heat: how much attention an item brings to its event. Volume counts items; heat weighs each item by its
// platform's reach and its engagement on a log scale, summed per hour into the event's series.
import type { Metrics, Platform } from '../ingest/item-schema.ts';
import { HOUR_MS } from './cluster/params.ts';
import type { HourCell } from './cluster/types.ts';

/**
 * Reach of a platform: a news report carries further than a post, a post further than a forum reply.
 * Message boards (留言板) weigh a little above forums because they address officials directly.
 */
export const PLATFORM_WEIGHTS: Record<Platform, number> = {
  news: 3,
  wechat: 2,
  weibo: 1.5,
  video: 1.5,
  message_board: 1.2,
  forum: 1,
  other: 1,
};

/** Heat weight of one item: platform reach × (1 + log-scaled reposts, comments, likes, views). */
export function itemHeatWeight(platform: string, metrics: Metrics | null | undefined): number {
  const w = PLATFORM_WEIGHTS[platform as Platform] ?? 1;
  const m = metrics ?? {};
  const lg = (v: number | undefined) => Math.log10(1 + Math.max(0, v ?? 0));
  return w * (1 + 0.5 * lg(m.reposts) + 0.3 * lg(m.comments) + 0.2 * lg(m.likes) + 0.1 * lg(m.views));
}

export interface SeriesPoint {
  /** Start of the hour, epoch ms. */
  hourAt: number;
  volume: number;
  heat: number;
}

/** Start of the hour containing `ms`. */
export function hourStart(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** A dense hourly series from `from` to `to` (inclusive hours), zeros where nothing happened. */
export function denseSeries(points: readonly SeriesPoint[], from: number, to: number): SeriesPoint[] {
  const byHour = new Map(points.map((p) => [hourStart(p.hourAt), p]));
  const out: SeriesPoint[] = [];
  for (let h = hourStart(from); h <= hourStart(to); h += HOUR_MS) {
    const p = byHour.get(h);
    out.push({ hourAt: h, volume: p?.volume ?? 0, heat: p?.heat ?? 0 });
  }
  return out;
}

/** Heat of the 24 hours ending with the hour of `at`: the event's current heat. */
export function heat24h(points: readonly SeriesPoint[], at: number): number {
  const end = hourStart(at);
  const start = end - 23 * HOUR_MS;
  let sum = 0;
  for (const p of points) if (p.hourAt >= start && p.hourAt <= end) sum += p.heat;
  return Math.round(sum * 100) / 100;
}

/** heat24h over a state's recent hours (hour index → cell), without building the series first. */
export function heat24hOfHours(hours: ReadonlyMap<number, HourCell>, at: number): number {
  const end = hourStart(at);
  const start = end - 23 * HOUR_MS;
  let sum = 0;
  for (const [h, c] of hours) {
    const hourAt = h * HOUR_MS;
    if (hourAt >= start && hourAt <= end) sum += c.heat;
  }
  return Math.round(sum * 100) / 100;
}
