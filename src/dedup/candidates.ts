// Band index writes and lookups: where an item's fingerprint is filed, and which filed items are close.
import type { DedupDb } from './tables.ts';
import { bandKeys, probeKeys, exactKey, EXACT_BAND } from './bands.ts';
import { hamming } from './simhash.ts';
import type { Fingerprint } from './features.ts';

export interface Match {
  itemId: number;
  publishedAt: number;
  /** Hamming distance in bits; 0 for an exact repeat. */
  distance: number;
}

export interface LookupOptions {
  thresholdBits: number;
  /** Only items published within this many milliseconds before or after the item are compared. */
  windowMs: number;
}

/** File the item's fingerprint under its band keys (or its exact key for a short text). */
export async function fileFingerprint(db: DedupDb, itemId: number, publishedAt: number, fp: Fingerprint): Promise<void> {
  const { hi, lo } = fp.simhash;
  const rows =
    fp.exactHash !== null
      ? [{ band: EXACT_BAND, key: exactKey(fp.exactHash), published_at: publishedAt, item_id: itemId, hi, lo }]
      : bandKeys(fp.simhash).map((b) => ({ ...b, published_at: publishedAt, item_id: itemId, hi, lo }));
  await db.insertInto('simhash_bands').values(rows).execute();
}

/**
 * The closest filed item within the threshold and time window, or null. Ties go to the earlier
 * published item (then the lower id), so a repost joins the group through the original.
 */
export async function closestMatch(
  db: DedupDb,
  fp: Fingerprint,
  publishedAt: number,
  selfId: number,
  opts: LookupOptions,
): Promise<Match | null> {
  const keys = fp.exactHash !== null ? [exactKey(fp.exactHash)] : probeKeys(fp.simhash);
  const maxBits = fp.exactHash !== null ? 0 : opts.thresholdBits;
  const rows = await db
    .selectFrom('simhash_bands')
    .select(['item_id', 'published_at', 'hi', 'lo'])
    .where('key', 'in', keys)
    .where('published_at', '>=', publishedAt - opts.windowMs)
    .where('published_at', '<=', publishedAt + opts.windowMs)
    .execute();
  let best: Match | null = null;
  for (const r of rows) {
    if (r.item_id === selfId) continue;
    const distance = hamming(fp.simhash, { hi: Number(r.hi), lo: Number(r.lo) });
    if (distance > maxBits) continue;
    const pub = Number(r.published_at);
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && (pub < best.publishedAt || (pub === best.publishedAt && r.item_id < best.itemId)))
    ) {
      best = { itemId: r.item_id, publishedAt: pub, distance };
    }
  }
  return best;
}
