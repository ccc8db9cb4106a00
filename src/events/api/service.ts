// Event queries and operator actions shared by the HTTP API and the CLI.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { DEFAULT_PARAMS, HOUR_MS } from '../cluster/params.ts';
import { forecastEvent } from '../forecast.ts';
import { denseSeries, hourStart, type SeriesPoint } from '../heat.ts';
import { stageOf, type Stage } from '../lifecycle.ts';
import { mergeDecision, splitDecision } from '../store/decisions.ts';
import { resolveEvent } from '../store/links.ts';
import { eventDb, type EventDb, type EventRow } from '../store/tables.ts';
import { titleText } from '../store/item-data.ts';
import { eventBreakdown, eventSummary, forecastJson, seriesJson, type EventSummaryJson } from './json.ts';
import type { EventListQuery } from './schemas.ts';

/** An event with no item for this long lists as dormant whatever its stored stage (lifecycle.ts rule). */
const DORMANT_MS = 24 * HOUR_MS;
/** Longest series returned in the detail view. */
const MAX_SERIES_HOURS = 60 * 24;
const LATEST_ITEMS = 20;
const SERIES_TAIL_HOURS = 72;
const FORECAST_HISTORY_HOURS = 336;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The stage a list shows: the stored one, or dormant once the event has been quiet for a day. */
function listedStage(row: EventRow, now: number): Stage {
  return now - Number(row.last_published_at) >= DORMANT_MS ? 'dormant' : (row.stage as Stage);
}

/** List open events with filters, ordered by heat or recency. */
export async function listEvents(ctx: AppContext, q: EventListQuery): Promise<{ events: EventSummaryJson[]; total: number; limit: number; offset: number }> {
  const db = eventDb(ctx.store.db);
  const now = ctx.clock.now();
  let base = db.selectFrom('events').where('status', '=', 'open').where('item_count', '>=', q.min_items);
  if (q.from !== undefined) base = base.where('last_published_at', '>=', q.from);
  if (q.to !== undefined) base = base.where('first_published_at', '<=', q.to);
  if (q.q) base = base.where(sql<boolean>`title LIKE ${`%${escapeLike(q.q)}%`} ESCAPE '\\'`);
  if (q.stage === 'dormant') base = base.where((eb) => eb.or([eb('stage', '=', 'dormant'), eb('last_published_at', '<', now - DORMANT_MS)]));
  else if (q.stage) base = base.where('stage', '=', q.stage).where('last_published_at', '>=', now - DORMANT_MS);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  let rows = base.selectAll();
  rows = q.order === 'heat' ? rows.orderBy('heat', 'desc').orderBy('id', 'desc') : rows.orderBy('last_published_at', 'desc').orderBy('id', 'desc');
  const page = await rows.limit(q.limit).offset(q.offset).execute();
  return { events: page.map((r) => eventSummary(r, listedStage(r, now))), total, limit: q.limit, offset: q.offset };
}

async function requireEvent(db: EventDb, id: number): Promise<{ row: EventRow; redirectedFrom: number | null }> {
  const live = await resolveEvent(db, id);
  if (live === null) throw new YqError('YQ_ERR_NOT_FOUND', `event ${id}`);
  const row = await db.selectFrom('events').selectAll().where('id', '=', live).executeTakeFirst();
  if (!row) throw new YqError('YQ_ERR_NOT_FOUND', `event ${id}`);
  return { row, redirectedFrom: live === id ? null : id };
}

async function latestItems(db: EventDb, eventId: number) {
  const rows = await db
    .selectFrom('event_items as ei')
    .innerJoin('items as i', 'i.id', 'ei.item_id')
    .select(['i.id', 'i.title', 'i.content', 'i.url', 'i.platform', 'i.source_key', 'i.published_at', 'ei.sentiment'])
    .where('ei.event_id', '=', eventId)
    .orderBy('ei.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(LATEST_ITEMS)
    .execute();
  return rows.map((r) => ({
    id: r.id, title: titleText(r.title, r.content), url: r.url, platform: r.platform, source: r.source_key,
    published_at: new Date(Number(r.published_at)).toISOString(), sentiment: r.sentiment,
  }));
}

/** The full view of an event: summary, breakdowns, latest items, hourly series and 24-hour forecast. */
export async function eventDetail(ctx: AppContext, id: number) {
  const db = eventDb(ctx.store.db);
  const { row, redirectedFrom } = await requireEvent(db, id);
  const heatRows = await db.selectFrom('event_heat').select(['hour_at', 'volume', 'heat']).where('event_id', '=', row.id).orderBy('hour_at').execute();
  const points: SeriesPoint[] = heatRows.map((r) => ({ hourAt: Number(r.hour_at), volume: Number(r.volume), heat: Number(r.heat) }));
  const now = Math.max(ctx.clock.now(), Number(row.last_published_at));
  const first = hourStart(Number(row.first_published_at));
  // The series covers the event's life (to now, or three days past its last item if it went quiet).
  const end = Math.min(hourStart(now), hourStart(Number(row.last_published_at)) + SERIES_TAIL_HOURS * HOUR_MS);
  const series = denseSeries(points, Math.max(first, end - (MAX_SERIES_HOURS - 1) * HOUR_MS), end);
  // The forecast starts from now, over the last two weeks (zeros after the last item count as quiet).
  const historyStart = Math.max(first, hourStart(now) - (FORECAST_HISTORY_HOURS - 1) * HOUR_MS);
  const history = denseSeries(points, historyStart, hourStart(now));
  const forecast = forecastEvent(history.map((p) => p.heat), (historyStart - first) / HOUR_MS);
  return {
    ...eventSummary(row, stageOf(points, now)),
    redirected_from: redirectedFrom,
    ...eventBreakdown(row),
    items: { count: Number(row.item_count), latest: await latestItems(db, row.id) },
    series: seriesJson(series),
    forecast: forecastJson(forecast, hourStart(now) + HOUR_MS),
  };
}

/** Merge event `id` into `into` (operator decision); returns the surviving event's summary. */
export async function mergeEvent(ctx: AppContext, id: number, into: number, actor: string): Promise<EventSummaryJson> {
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => mergeDecision(eventDb(trx), id, into, DEFAULT_PARAMS, now, actor));
  const { row } = await requireEvent(eventDb(ctx.store.db), into);
  return eventSummary(row);
}

/** Split items off event `id` into a new event (operator decision); returns the new event's summary. */
export async function splitEvent(ctx: AppContext, id: number, itemIds: number[], actor: string): Promise<EventSummaryJson> {
  const now = ctx.clock.now();
  const newId = await ctx.store.db.transaction().execute(async (trx) => splitDecision(eventDb(trx), id, itemIds, DEFAULT_PARAMS, now, actor));
  const { row } = await requireEvent(eventDb(ctx.store.db), newId);
  return eventSummary(row);
}
