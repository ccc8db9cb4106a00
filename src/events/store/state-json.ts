// Serialising an event's clustering state to and from its row: the centroid, recent hours and title
// tokens go to centroid_json; counts, times and regions come from their own columns.
import type { EventState } from '../cluster/types.ts';
import type { EventRow } from './tables.ts';

interface CentroidJson {
  terms?: [string, number][];
  total?: number;
  /** [hour, volume, heat, excite] */
  hours?: [number, number, number, number?][];
  titleBag?: [string, number][];
  titleBoost?: number;
  titleIsReply?: boolean;
  /** Number of terms this event has in event_terms (bounded). */
  indexed?: number;
}

export interface RegionCount {
  code: string;
  name: string;
  level: string;
  count: number;
}

/** The columns a state is built from. */
export type StateRow = Pick<EventRow, 'id' | 'centroid_json' | 'regions_json' | 'item_count' | 'first_published_at' | 'last_published_at' | 'first_item_id' | 'title_item_id'>;

/** Parse a row into a clustering state and the count of indexed terms. */
export function stateFromRow(row: StateRow): { state: EventState; indexed: number } {
  const c = JSON.parse(row.centroid_json) as CentroidJson;
  const regions = JSON.parse(row.regions_json) as RegionCount[];
  return {
    state: {
      id: row.id,
      terms: new Map(c.terms ?? []),
      total: c.total ?? 0,
      count: Number(row.item_count),
      firstAt: Number(row.first_published_at),
      lastAt: Number(row.last_published_at),
      firstItemId: row.first_item_id,
      hours: new Map((c.hours ?? []).map(([h, volume, heat, excite]) => [h, { volume, heat, excite: excite ?? volume }])),
      regions: new Map(regions.map((r) => [r.code, r.count])),
      titleItemId: row.title_item_id,
      titleBag: new Map(c.titleBag ?? []),
      titleBoost: c.titleBoost ?? 0,
      titleIsReply: c.titleIsReply ?? false,
    },
    indexed: c.indexed ?? 0,
  };
}

/** The centroid_json of a state. */
export function centroidJson(state: EventState, indexed: number): string {
  const json: CentroidJson = {
    terms: [...state.terms],
    total: state.total,
    hours: [...state.hours].map(([h, cell]) => [h, cell.volume, Math.round(cell.heat * 1000) / 1000, cell.excite]),
    titleBag: [...state.titleBag],
    titleBoost: state.titleBoost,
    titleIsReply: state.titleIsReply,
    indexed,
  };
  return JSON.stringify(json);
}

/** Add region hits to a regions_json list, keeping the 20 most mentioned. */
export function addRegions(list: RegionCount[], hits: readonly { code: string; name: string; level: string }[], sign = 1): RegionCount[] {
  const byCode = new Map(list.map((r) => [r.code, { ...r }]));
  for (const h of hits) {
    const r = byCode.get(h.code) ?? { code: h.code, name: h.name, level: h.level, count: 0 };
    r.count += sign;
    byCode.set(h.code, r);
  }
  return [...byCode.values()].filter((r) => r.count > 0).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)).slice(0, 20);
}
