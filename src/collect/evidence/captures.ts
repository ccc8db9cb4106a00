// Evidence (取证): the raw responses that produced items, stored once and linked to those items.
import type { AppContext } from '../../context.ts';
import { canonicalUrl } from '../../ingest/canonical-url.ts';
import { collectDb, type CollectDb } from '../register/tables.ts';
import { putBlob } from './blobs.ts';

/** A raw response as a collector hands it over (the collect-once contract's Capture). */
export interface CaptureInput {
  url: string;
  fetchedAt: number;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  sha256?: string;
}

/** An item the batch stored, with the url and external id it was collected under. */
export interface StoredFrom {
  itemId: number;
  url: string | null | undefined;
  externalId: string | null | undefined;
}

const canon = (u: string | null | undefined) => (u ? canonicalUrl(u) ?? u : null);

/**
 * Which captures each item came from: its own page when one was fetched (html article, same URL);
 * otherwise the list/feed pages whose body names it (URL, path or external id); failing that, every
 * list/feed page of the check.
 */
export function matchCaptures(captures: CaptureInput[], items: StoredFrom[]): Map<number, number[]> {
  const byUrl = new Map<string, number>();
  captures.forEach((c, i) => byUrl.set(canon(c.url) ?? c.url, i));
  const ownPages = new Set<number>();
  const links = new Map<number, number[]>();
  for (const it of items) {
    const own = byUrl.get(canon(it.url) ?? '');
    if (own !== undefined) {
      ownPages.add(own);
      links.set(it.itemId, [own]);
    }
  }
  const lists = captures.map((_, i) => i).filter((i) => !ownPages.has(i));
  for (const it of items) {
    if (links.has(it.itemId)) continue;
    const needles = [it.url, it.url ? safePath(it.url) : null, it.externalId].filter((n): n is string => !!n && n.length > 3);
    const naming = lists.filter((i) => needles.some((n) => captures[i]!.body.includes(n)));
    links.set(it.itemId, naming.length ? naming : lists);
  }
  return links;
}

function safePath(u: string): string | null {
  try {
    const p = new URL(u);
    return p.pathname.length > 1 ? p.pathname + p.search : null;
  } catch {
    return null;
  }
}

/** Store the captures that produced at least one stored item and link them; returns captures stored. */
export async function storeEvidence(ctx: AppContext, sourceId: number | null, captures: CaptureInput[], items: StoredFrom[]): Promise<number> {
  if (captures.length === 0 || items.length === 0) return 0;
  const links = matchCaptures(captures, items);
  const used = new Set([...links.values()].flat());
  return collectDb(ctx.store.db).transaction().execute(async (trx) => {
    const ids = new Map<number, number>();
    for (const i of used) ids.set(i, await insertCapture(trx, sourceId, captures[i]!));
    for (const [itemId, caps] of links) {
      for (const i of caps) {
        await trx.insertInto('item_captures').values({ item_id: itemId, capture_id: ids.get(i)! })
          .onConflict((oc) => oc.columns(['item_id', 'capture_id']).doNothing()).execute();
      }
    }
    return used.size;
  });
}

async function insertCapture(db: CollectDb, sourceId: number | null, c: CaptureInput): Promise<number> {
  const sha = await putBlob(db, c.body);
  const r = await db
    .insertInto('captures')
    .values({ source_id: sourceId, url: c.url, fetched_at: c.fetchedAt, status: c.status, headers_json: JSON.stringify(c.headers), sha256: sha, size: c.body.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
