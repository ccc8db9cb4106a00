// `source test`: collect once and show what would be stored, without storing anything.
import type { AppContext } from '../../context.ts';
import type { ItemJson } from '../../ingest/item-schema.ts';
import { isRejection, validateItem } from '../../ingest/validate.ts';
import { collectOnce, type CollectKind } from '../collect-once.ts';
import { createFetcher } from '../http/from-config.ts';

export interface PreviewTarget {
  kind: CollectKind;
  url: string;
  settings: Record<string, unknown>;
  platform: string;
  timezone: string | null;
}

/** An item as it would be stored: the item JSON form without an id yet. */
export type PreviewItem = Omit<ItemJson, 'id' | 'similar_group_id'> & { id: null };

export interface PreviewResult {
  charset: string | null;
  items: PreviewItem[];
  /** Collector errors and items ingest would reject, with the field at fault. */
  errors: string[];
}

/** Fetch and parse once; items are validated exactly as ingest would, but nothing is written. */
export async function previewSource(ctx: AppContext, t: PreviewTarget, sourceKey: string | null = null): Promise<PreviewResult> {
  const now = ctx.clock.now();
  const tz = t.timezone ?? ctx.config.timezone;
  const fetch = createFetcher(ctx.config, { now: () => ctx.clock.now() });
  const r = await collectOnce({ kind: t.kind, url: t.url, settings: t.settings, platform: t.platform }, { fetch, tz, now });
  const items: PreviewItem[] = [];
  const errors = [...r.errors];
  r.items.forEach((raw, index) => {
    const v = validateItem(raw, { tz: ctx.config.timezone, now, index, source: sourceKey ? { id: 0, key: sourceKey, platform: t.platform } : undefined });
    if (isRejection(v)) {
      errors.push(`item ${index}: ${v.field}: ${v.reason}`);
      return;
    }
    items.push({
      id: null,
      external_id: v.externalId,
      url: v.url,
      canonical_url: v.canonicalUrl,
      title: v.title,
      content: v.content,
      author: v.author,
      platform: v.platform,
      published_at: new Date(v.publishedAt).toISOString(),
      collected_at: new Date(v.collectedAt).toISOString(),
      parent_external_id: v.parentExternalId,
      metrics: v.metrics,
      source: v.sourceKey,
    });
  });
  return { charset: r.charset, items, errors };
}
