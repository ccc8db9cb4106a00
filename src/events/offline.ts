// Offline event clustering of a whole file of items (`yuqing analyze --events`): the same single-pass
// clusterer as ingest, over items in order of publication, without a database.
import { parsePublishedAt } from '../ingest/published-at.ts';
import { createClusterer } from './cluster/memory.ts';
import type { ClusterItem, ClusterParams } from './cluster/types.ts';

/** An item in the JSON form (as read from JSONL), optionally with the analysis fields added. */
export interface OfflineItem {
  external_id?: string | number | null;
  parent_external_id?: string | number | null;
  published_at?: string | number | null;
  title?: string | null;
  content?: string | null;
  keywords?: readonly string[] | null;
  regions?: readonly ({ code: string } | string)[] | null;
  similar_group_id?: number | null;
  metrics?: { reposts?: number; comments?: number } | null;
}

export interface OfflineOptions {
  /** Zone of published_at values without an offset (default Asia/Shanghai). */
  tz?: string;
  /** "Now" for validating dates (default the wall clock). */
  now?: number;
  params?: Partial<ClusterParams>;
}

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Convert offline items to clustering items; unparseable dates take the previous item's time. */
export function toClusterItems(items: readonly OfflineItem[], opts: OfflineOptions = {}): ClusterItem[] {
  const tz = opts.tz ?? 'Asia/Shanghai';
  const now = opts.now ?? Date.now();
  let last = now;
  return items.map((it, i) => {
    let t = last;
    if (it.published_at !== null && it.published_at !== undefined) {
      const r = parsePublishedAt(it.published_at, tz, now);
      if ('ms' in r) t = r.ms;
    }
    last = t;
    return {
      id: i,
      externalId: str(it.external_id),
      parentExternalId: str(it.parent_external_id),
      publishedAt: t,
      text: `${it.title ?? ''}\n${it.content ?? ''}`.trim(),
      keywords: it.keywords ?? undefined,
      regions: it.regions?.map((r) => (typeof r === 'string' ? r : r.code)),
      similarGroupId: it.similar_group_id ?? null,
      isReport: (it.title ?? '').trim() !== '',
      reposts: it.metrics?.reposts,
      comments: it.metrics?.comments,
    };
  });
}

/** Cluster clustering items in order of publication; returns item id → event id. */
export function clusterItems(items: readonly ClusterItem[], params: Partial<ClusterParams> = {}): Map<number, number> {
  const c = createClusterer(params);
  const order = [...items].sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);
  for (const it of order) c.add(it);
  const out = new Map<number, number>();
  for (const it of items) out.set(it.id, c.eventOf(it.id) ?? -1);
  return out;
}

/**
 * Cluster a whole file of items: returns line index → event id, ids numbered 1, 2, ... in order of
 * each event's first line in the input.
 */
export function clusterOffline(items: readonly OfflineItem[], opts: OfflineOptions = {}): Map<number, number> {
  const raw = clusterItems(toClusterItems(items, opts), opts.params);
  const renumber = new Map<number, number>();
  const out = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    const e = raw.get(i) ?? -1;
    let n = renumber.get(e);
    if (n === undefined) renumber.set(e, (n = renumber.size + 1));
    out.set(i, n);
  }
  return out;
}
