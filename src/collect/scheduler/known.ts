// "Already seen" check handed to the collector, so known entries skip article fetches and parsing.
// Synchronous by contract, so it works from a snapshot of the source's most recent items.
import type { AppContext } from '../../context.ts';
import { canonicalUrl } from '../../ingest/canonical-url.ts';

/** A predicate true for an external id or URL the source already produced (among its latest `window` items). */
export async function knownChecker(ctx: AppContext, sourceId: number, window: number): Promise<(externalIdOrUrl: string) => boolean> {
  const rows = await ctx.store.db
    .selectFrom('items')
    .select(['external_id', 'canonical_url'])
    .where('source_id', '=', sourceId)
    .orderBy('id', 'desc')
    .limit(window)
    .execute();
  const ids = new Set<string>();
  const urls = new Set<string>();
  for (const r of rows) {
    if (r.external_id !== null) ids.add(r.external_id);
    if (r.canonical_url !== null) urls.add(r.canonical_url);
  }
  return (x) => ids.has(x) || (/^https?:/i.test(x) && urls.has(canonicalUrl(x) ?? x));
}
