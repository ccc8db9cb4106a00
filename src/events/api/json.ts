// The JSON forms of an event: the summary the list returns and the parts of the detail view.
import { STAGE_ZH, type Stage } from '../lifecycle.ts';
import { TREND_ZH, type Forecast } from '../forecast.ts';
import type { SeriesPoint } from '../heat.ts';
import type { RegionCount } from '../store/state-json.ts';
import type { EventRow } from '../store/tables.ts';

export interface EventSummaryJson {
  id: number;
  title: string;
  title_item_id: number | null;
  status: string;
  merged_into: number | null;
  stage: Stage;
  stage_zh: string;
  heat: number;
  item_count: number;
  keywords: string[];
  first_item_id: number;
  first_source: string | null;
  first_published_at: string;
  last_published_at: string;
}

const iso = (ms: number | bigint) => new Date(Number(ms)).toISOString();

/** Summary of an event row; `stage` overrides the stored stage (recomputed as of now). */
export function eventSummary(row: EventRow, stage?: Stage): EventSummaryJson {
  const s = (stage ?? row.stage) as Stage;
  return {
    id: row.id,
    title: row.title,
    title_item_id: row.title_item_id,
    status: row.status,
    merged_into: row.merged_into,
    stage: s,
    stage_zh: STAGE_ZH[s] ?? s,
    heat: Number(row.heat),
    item_count: Number(row.item_count),
    keywords: JSON.parse(row.keywords_json) as string[],
    first_item_id: row.first_item_id,
    first_source: row.first_source,
    first_published_at: iso(row.first_published_at),
    last_published_at: iso(row.last_published_at),
  };
}

/** Counts, regions and sentiment mix of an event. */
export function eventBreakdown(row: EventRow): {
  sources: Record<string, number>; platforms: Record<string, number>; sentiment: Record<string, number>; regions: RegionCount[];
} {
  return {
    sources: JSON.parse(row.source_counts_json) as Record<string, number>,
    platforms: JSON.parse(row.platform_counts_json) as Record<string, number>,
    sentiment: { negative: 0, neutral: 0, positive: 0, ...(JSON.parse(row.sentiment_json) as Record<string, number>) },
    regions: JSON.parse(row.regions_json) as RegionCount[],
  };
}

/** The hourly series as JSON. */
export function seriesJson(points: readonly SeriesPoint[]): { hour_at: string; volume: number; heat: number }[] {
  return points.map((p) => ({ hour_at: iso(p.hourAt), volume: p.volume, heat: Math.round(p.heat * 100) / 100 }));
}

/** The forecast as JSON, hours counted from `fromHour` (the first forecast hour). */
export function forecastJson(f: Forecast, fromHour: number): {
  method: string; trend: string; trend_zh: string; interval: number; hours: { hour_at: string; heat: number; lower: number; upper: number }[];
} {
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    method: f.method,
    trend: f.trend,
    trend_zh: TREND_ZH[f.trend],
    interval: 0.8,
    hours: f.mean.map((m, i) => ({ hour_at: iso(fromHour + i * 3_600_000), heat: r(m), lower: r(f.lower[i] ?? 0), upper: r(f.upper[i] ?? 0) })),
  };
}
