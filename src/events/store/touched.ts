// An event a batch session changed: its clustering state and the row's summaries (title, 首发, regions,
// counts) kept parsed in memory while the batch's items join it, and written once when the session
// flushes, instead of re-serialising the row (its centroid is 5–10 KB) for every item.
import { heat24hOfHours } from '../heat.ts';
import { HOUR_MS } from '../cluster/params.ts';
import type { EventState } from '../cluster/types.ts';
import { addRegions, type RegionCount } from './state-json.ts';
import { titleText, type EventItemData } from './item-data.ts';
import type { EventHead } from './view.ts';

/** Terms at most indexed per event (event_terms rows). */
export const MAX_INDEXED_TERMS = 200;

export interface TouchedEvent {
  state: EventState;
  /** Terms the event has in event_terms (bounded), counting those this session adds. */
  indexed: number;
  title: string;
  regions: RegionCount[];
  sentiment: Record<string, number>;
  sources: Record<string, number>;
  platforms: Record<string, number>;
  /** The event's new first item (首发) when an item of this session came first. */
  first: { itemId: number; source: string | null; at: number } | null;
  /** Heat of the 24 hours up to the last item, as the row will hold it. */
  heat: number;
  /** first_published_at the row holds until the session writes it. */
  rowFirst: number;
  /** event_terms rows to add. */
  newTerms: string[];
  /** Hour start → volume and heat to add to event_heat. */
  heatAdd: Map<number, { volume: number; heat: number }>;
}

const parseObject = (json: string): Record<string, number> => JSON.parse(json) as Record<string, number>;

/** A stored event taken into the session. */
export function touchedFromRow(head: EventHead, state: EventState, indexed: number): TouchedEvent {
  return {
    state, indexed, title: head.title,
    regions: JSON.parse(head.regions_json) as RegionCount[],
    sentiment: parseObject(head.sentiment_json),
    sources: parseObject(head.source_counts_json),
    platforms: parseObject(head.platform_counts_json),
    first: null,
    heat: Number(head.heat),
    rowFirst: Number(head.first_published_at),
    newTerms: [],
    heatAdd: new Map(),
  };
}

/** An event this session just inserted (an empty row, see write.ts createEventRow). */
export function touchedNew(state: EventState): TouchedEvent {
  return {
    state, indexed: 0, title: '', regions: [], sentiment: {}, sources: {}, platforms: {}, first: null, heat: 0,
    rowFirst: state.firstAt, newTerms: [], heatAdd: new Map(),
  };
}

function bump(counts: Record<string, number>, key: string | null | undefined): void {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Record an item that the event's state has just absorbed: the summaries, 首发, heat, the item's telling
 * terms to index (bounded per event). Returns the terms newly indexed.
 */
export function recordItem(e: TouchedEvent, item: EventItemData, becameTitle: boolean): string[] {
  const state = e.state;
  // Until an item worthy of a title comes, the event shows the first text it has.
  if (becameTitle || (state.titleItemId === null && e.title === '')) e.title = titleText(item.title, item.content);
  if (state.firstItemId === item.id) e.first = { itemId: item.id, source: item.sourceKey ?? item.platform, at: item.publishedAt };
  if (item.regions.length > 0) e.regions = addRegions(e.regions, item.regions);
  bump(e.sentiment, item.sentiment);
  bump(e.sources, item.sourceKey ?? '(none)');
  bump(e.platforms, item.platform);
  const hour = Math.floor(item.publishedAt / HOUR_MS) * HOUR_MS;
  const cell = e.heatAdd.get(hour);
  if (cell) {
    cell.volume += 1;
    cell.heat += item.weight;
  } else {
    e.heatAdd.set(hour, { volume: 1, heat: item.weight });
  }
  e.heat = heat24hOfHours(state.hours, state.lastAt);
  const room = MAX_INDEXED_TERMS - e.indexed;
  if (room <= 0 || item.lookup.length === 0) return [];
  const terms = item.lookup.slice(0, room);
  e.indexed += terms.length;
  for (const t of terms) e.newTerms.push(t);
  return terms;
}
