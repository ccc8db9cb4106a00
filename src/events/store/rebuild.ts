// Rebuilding a stored event from its items (after an operator split): the centroid from the items' text
// again, counts and regions from event_items, the heat series and the term index from scratch.
import { tokenize } from '../cluster/tokens.ts';
import { absorb, emptyState, topKeywords } from '../cluster/state.ts';
import { lookupTokens, titleWorthy } from '../cluster/features.ts';
import { HOUR_MS } from '../cluster/params.ts';
import type { ClusterParams } from '../cluster/types.ts';
import { heat24h } from '../heat.ts';
import { stageOf } from '../lifecycle.ts';
import { addRegions, centroidJson, type RegionCount } from './state-json.ts';
import { titleText, type RegionRef } from './item-data.ts';
import { MAX_INDEXED_TERMS, newVersion, statePoints } from './write.ts';
import type { EventDb } from './tables.ts';

/** Recompute everything of an event from the items now assigned to it. */
export async function rebuildEvent(db: EventDb, eventId: number, p: ClusterParams, now: number): Promise<void> {
  const rows = await db
    .selectFrom('event_items as ei')
    .innerJoin('items as i', 'i.id', 'ei.item_id')
    .select(['ei.item_id', 'ei.published_at', 'ei.weight', 'ei.sentiment', 'ei.regions_json', 'ei.source', 'ei.platform', 'i.title', 'i.content', 'i.metrics_json', 'i.parent_external_id'])
    .where('ei.event_id', '=', eventId)
    .orderBy('ei.published_at')
    .orderBy('ei.item_id')
    .execute();
  if (rows.length === 0) return;
  const first = rows[0]!;
  const state = emptyState(eventId, Number(first.published_at), first.item_id);
  const titles = new Map<number, string>();
  const terms = new Set<string>();
  let regions: RegionCount[] = [];
  const sentiment: Record<string, number> = {};
  const sources: Record<string, number> = {};
  const platforms: Record<string, number> = {};
  const hours = new Map<number, { volume: number; heat: number }>();
  for (const r of rows) {
    const text = `${r.title}\n${r.content}`.trim();
    const bag = tokenize(text);
    const hits = JSON.parse(r.regions_json) as RegionRef[];
    const { reposts, comments } = JSON.parse(r.metrics_json) as { reposts?: number; comments?: number };
    absorb(state, { itemId: r.item_id, t: Number(r.published_at), bag, regions: hits.map((h) => h.code), reposts, comments, weight: r.weight, titleWorthy: titleWorthy(text, bag), isReply: r.parent_external_id !== null }, p);
    titles.set(r.item_id, titleText(r.title, r.content));
    for (const w of lookupTokens(bag)) if (terms.size < MAX_INDEXED_TERMS) terms.add(w);
    regions = addRegions(regions, hits);
    if (r.sentiment) sentiment[r.sentiment] = (sentiment[r.sentiment] ?? 0) + 1;
    const src = r.source ?? '(none)';
    sources[src] = (sources[src] ?? 0) + 1;
    platforms[r.platform] = (platforms[r.platform] ?? 0) + 1;
    const h = Math.floor(Number(r.published_at) / HOUR_MS) * HOUR_MS;
    const cell = hours.get(h) ?? { volume: 0, heat: 0 };
    cell.volume++;
    cell.heat += r.weight;
    hours.set(h, cell);
  }
  await db.deleteFrom('event_heat').where('event_id', '=', eventId).execute();
  const heatRows = [...hours].map(([hour_at, c]) => ({ event_id: eventId, hour_at, volume: c.volume, heat: c.heat }));
  for (let i = 0; i < heatRows.length; i += 200) await db.insertInto('event_heat').values(heatRows.slice(i, i + 200)).execute();
  await db.deleteFrom('event_terms').where('event_id', '=', eventId).execute();
  const termRows = [...terms].map((term) => ({ term, event_id: eventId }));
  if (termRows.length > 0) await db.insertInto('event_terms').values(termRows).onConflict((oc) => oc.doNothing()).execute();
  const points = statePoints(state);
  await db
    .updateTable('events')
    .set({
      title: state.titleItemId !== null ? titles.get(state.titleItemId) ?? '' : titleText('', first.content),
      title_item_id: state.titleItemId,
      first_item_id: first.item_id,
      first_source: first.source ?? first.platform,
      first_published_at: state.firstAt,
      last_published_at: state.lastAt,
      item_count: state.count,
      keywords_json: JSON.stringify(topKeywords(state)),
      centroid_json: centroidJson(state, terms.size),
      regions_json: JSON.stringify(regions),
      sentiment_json: JSON.stringify(sentiment),
      source_counts_json: JSON.stringify(sources),
      platform_counts_json: JSON.stringify(platforms),
      stage: stageOf(points, state.lastAt),
      heat: heat24h(points, state.lastAt),
      version: newVersion(),
      updated_at: now,
    })
    .where('id', '=', eventId)
    .execute();
}
