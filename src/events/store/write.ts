// Writes of the stored clusterer: a new event's row and an item's event_items row as they happen (later
// items of the batch find them through SQL), and at a session's flush the changed event rows (counts,
// centroid, title, 首发, stage, heat) and the term index and heat series rows, many per statement.
import { heat24h, type SeriesPoint } from '../heat.ts';
import { stageOf } from '../lifecycle.ts';
import { HOUR_MS } from '../cluster/params.ts';
import { topKeywords } from '../cluster/state.ts';
import type { EventState } from '../cluster/types.ts';
import { centroidJson } from './state-json.ts';
import type { EventItemData } from './item-data.ts';
import type { TouchedEvent } from './touched.ts';
import { runSql, sizedChunks, valueGroups } from './raw-sql.ts';
import type { EventDb } from './tables.ts';

export { MAX_INDEXED_TERMS } from './touched.ts';

/** A fresh row version (random, see the migration). */
export function newVersion(): number {
  return Math.floor(Math.random() * 2 ** 52) + 1;
}

/** Recent hours of a state as series points. */
export function statePoints(state: EventState): SeriesPoint[] {
  return [...state.hours].map(([h, c]) => ({ hourAt: h * HOUR_MS, volume: c.volume, heat: c.heat }));
}

/**
 * Insert an empty event row for an item that starts a new event; returns its id. The id comes from the
 * driver (SQLite's last insert rowid), not RETURNING: inside a large transaction a RETURNING statement
 * costs SQLite a statement journal, ten times the plain insert.
 */
export async function createEventRow(db: EventDb, item: EventItemData, now: number): Promise<number> {
  const r = await runSql(db, `INSERT INTO events (title, first_item_id, first_source, first_published_at, last_published_at,
      item_count, stage, heat, status, version, created_at, updated_at)
    VALUES ('', ?, ?, ?, ?, 0, 'emerging', 0, 'open', ?, ?, ?)`,
  [item.id, item.sourceKey ?? item.platform, item.publishedAt, item.publishedAt, newVersion(), now, now]);
  if (r.insertId === undefined) throw new Error('the store returned no id for the new event');
  return Number(r.insertId);
}

/** The item's event_items row. */
export async function insertEventItem(db: EventDb, eventId: number, item: EventItemData): Promise<void> {
  await runSql(db, `INSERT INTO event_items (item_id, event_id, published_at, weight, sentiment, regions_json, source, platform)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  [item.id, eventId, item.publishedAt, item.weight, item.sentiment, JSON.stringify(item.regions), item.sourceKey, item.platform]);
}

const UPDATE_SET = `UPDATE events SET title = ?, title_item_id = ?, last_published_at = ?, item_count = ?, keywords_json = ?,
  centroid_json = ?, regions_json = ?, sentiment_json = ?, source_counts_json = ?, platform_counts_json = ?, stage = ?, heat = ?,
  version = ?, updated_at = ?`;
const UPDATE_ROW = `${UPDATE_SET} WHERE id = ?`;
const UPDATE_WITH_FIRST = `${UPDATE_SET}, first_item_id = ?, first_source = ?, first_published_at = ? WHERE id = ?`;

/** Write a changed event's row; returns the new row version. */
export async function writeEventRow(db: EventDb, e: TouchedEvent, now: number): Promise<number> {
  const state = e.state;
  const points = statePoints(state);
  const version = newVersion();
  const params: unknown[] = [
    e.title, state.titleItemId, state.lastAt, state.count, JSON.stringify(topKeywords(state)), centroidJson(state, e.indexed),
    JSON.stringify(e.regions), JSON.stringify(e.sentiment), JSON.stringify(e.sources), JSON.stringify(e.platforms),
    stageOf(points, state.lastAt), heat24h(points, state.lastAt), version, now,
  ];
  if (e.first) params.push(e.first.itemId, e.first.source, e.first.at);
  params.push(state.id);
  await runSql(db, e.first ? UPDATE_WITH_FIRST : UPDATE_ROW, params);
  return version;
}

/** Add (term, event) rows to the term index. */
export async function insertTermRows(db: EventDb, rows: { term: string; eventId: number }[]): Promise<void> {
  // In index order: SQLite then inserts along the index instead of jumping about it. The terms are ranked
  // by the built-in string sort once, so the rows sort on numbers (the same order; string comparisons in
  // a JavaScript comparator are the slow part of sorting).
  const rank = new Map<string, number>();
  for (const r of rows) rank.set(r.term, 0);
  const terms = [...rank.keys()].sort();
  for (let i = 0; i < terms.length; i++) rank.set(terms[i]!, i);
  rows.sort((a, b) => rank.get(a.term)! - rank.get(b.term)! || a.eventId - b.eventId);
  for (const chunk of sizedChunks(rows)) {
    await runSql(db, `INSERT INTO event_terms (term, event_id) VALUES ${valueGroups(chunk.length, 2)}
      ON CONFLICT (term, event_id) DO NOTHING`, chunk.flatMap((r) => [r.term, r.eventId]));
  }
}

/** Add volume and heat to hours of events' heat series. */
export async function addHeatRows(db: EventDb, rows: { eventId: number; hourAt: number; volume: number; heat: number }[]): Promise<void> {
  rows.sort((a, b) => a.eventId - b.eventId || a.hourAt - b.hourAt);
  for (const chunk of sizedChunks(rows)) {
    await runSql(db, `INSERT INTO event_heat (event_id, hour_at, volume, heat) VALUES ${valueGroups(chunk.length, 4)}
      ON CONFLICT (event_id, hour_at) DO UPDATE SET volume = event_heat.volume + excluded.volume, heat = event_heat.heat + excluded.heat`,
    chunk.flatMap((r) => [r.eventId, r.hourAt, r.volume, r.heat]));
  }
}
