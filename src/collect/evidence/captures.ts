// Evidence (取证): the raw responses that produced items, stored once and linked to those items.
import type { AppContext } from '../../context.ts';
import { collectDb, type CollectDb } from '../register/tables.ts';
import { putBlob } from './blobs.ts';

/** A raw response as a collector hands it over (the collect-once contract's Capture). */
export interface CaptureInput {
  url: string;
  /** The URL that answered after redirects (what the WARC record is about). */
  finalUrl?: string;
  fetchedAt: number;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  sha256?: string;
}

/** A stored item and the index (in the check's captures) of the response it was extracted from. */
export interface ItemFrom {
  itemId: number;
  capture: number;
}

/** Store the captures that produced at least one stored item and link them; returns captures stored. */
export async function storeEvidence(ctx: AppContext, sourceId: number | null, captures: CaptureInput[], items: ItemFrom[]): Promise<number> {
  const links = items.filter((l) => captures[l.capture] !== undefined);
  if (links.length === 0) return 0;
  const used = [...new Set(links.map((l) => l.capture))];
  return collectDb(ctx.store.db).transaction().execute(async (trx) => {
    const ids = new Map<number, number>();
    for (const i of used) ids.set(i, await insertCapture(trx, sourceId, captures[i]!));
    for (const l of links) {
      await trx.insertInto('item_captures').values({ item_id: l.itemId, capture_id: ids.get(l.capture)! })
        .onConflict((oc) => oc.columns(['item_id', 'capture_id']).doNothing()).execute();
    }
    return used.length;
  });
}

async function insertCapture(db: CollectDb, sourceId: number | null, c: CaptureInput): Promise<number> {
  const sha = await putBlob(db, c.body);
  const r = await db
    .insertInto('captures')
    .values({ source_id: sourceId, url: c.finalUrl ?? c.url, fetched_at: c.fetchedAt, status: c.status, headers_json: JSON.stringify(c.headers), sha256: sha, size: c.body.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
