// Band index writes and lookups: where an item's fingerprint is filed, and which filed items are close.
// These run once per ingested item, so their SQL is compiled once per dialect and reused with new
// parameters: building and compiling a 68-key query through Kysely cost about as much as running it.
import { CompiledQuery, sql, type DialectAdapter } from 'kysely';
import type { DedupDb } from './tables.ts';
import { bandKeys, neighbourKeys, exactKey, EXACT_BAND, EXACT_BAND_RADIUS } from './bands.ts';
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
  /** The database has hamming64() (SQLite, see sqlite-distance.ts): filter by distance in SQL. */
  sqlDistance: boolean;
}

const sqlByAdapter = new WeakMap<DialectAdapter, Map<string, string>>();

/** The SQL text of a query shape in this database's dialect, compiled on first use. */
function shapeSql(db: DedupDb, shape: string, compile: () => CompiledQuery): string {
  const adapter = db.getExecutor().adapter;
  let m = sqlByAdapter.get(adapter);
  if (!m) sqlByAdapter.set(adapter, (m = new Map()));
  let s = m.get(shape);
  if (s === undefined) m.set(shape, (s = compile().sql));
  return s;
}

function lookupSql(db: DedupDb, keys: number, sqlDistance: boolean): string {
  return shapeSql(db, `lookup${keys}${sqlDistance ? 'd' : ''}`, () => {
    let q = db
      .selectFrom('simhash_bands')
      .select(['item_id', 'published_at', 'hi', 'lo'])
      .where('key', 'in', new Array<number>(keys).fill(0))
      .where('published_at', '>=', 0)
      .where('published_at', '<=', 0);
    if (sqlDistance) q = q.where(sql<number>`hamming64(hi, lo, ${0}, ${0})`, '<=', 0);
    return q.compile();
  });
}

function insertSql(db: DedupDb, rows: number): string {
  const row = { band: 0, key: 0, published_at: 0, item_id: 0, hi: 0, lo: 0 };
  return shapeSql(db, `insert${rows}`, () => db.insertInto('simhash_bands').values(new Array(rows).fill(row)).compile());
}

/** File the item's fingerprint under its band keys (or its exact key for a short text). */
export async function fileFingerprint(db: DedupDb, itemId: number, publishedAt: number, fp: Fingerprint): Promise<void> {
  const { hi, lo } = fp.simhash;
  const keys = fp.exactHash !== null ? [{ band: EXACT_BAND, key: exactKey(fp.exactHash) }] : bandKeys(fp.simhash);
  const params = keys.flatMap((k) => [k.band, k.key, publishedAt, itemId, hi, lo]);
  await db.executeQuery(CompiledQuery.raw(insertSql(db, keys.length), params));
}

type BandRow = { item_id: number; published_at: number; hi: number; lo: number };

/** Filed rows under any of `keys`, published within the window (and within `maxBits` when SQL can tell). */
async function rowsUnder(db: DedupDb, keys: number[], fp: Fingerprint, publishedAt: number, maxBits: number, opts: LookupOptions): Promise<BandRow[]> {
  const params = [...keys, publishedAt - opts.windowMs, publishedAt + opts.windowMs];
  if (opts.sqlDistance) params.push(fp.simhash.hi, fp.simhash.lo, maxBits);
  const { rows } = await db.executeQuery<BandRow>(CompiledQuery.raw(lookupSql(db, keys.length, opts.sqlDistance), params));
  return rows;
}

/** The closest of `rows` within `maxBits`; ties go to the earlier published, then the lower id. */
function closest(rows: BandRow[], fp: Fingerprint, selfId: number, maxBits: number, best: Match | null = null): Match | null {
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

/**
 * The closest filed item within the threshold and time window, or null. The band keys are probed first:
 * a match found there within 3 bits is the closest possible (anything that close shares a band key), and
 * reposts usually are that close, so the 64 one-bit-neighbour keys are only probed when needed.
 */
export async function closestMatch(
  db: DedupDb,
  fp: Fingerprint,
  publishedAt: number,
  selfId: number,
  opts: LookupOptions,
): Promise<Match | null> {
  if (fp.exactHash !== null) {
    return closest(await rowsUnder(db, [exactKey(fp.exactHash)], fp, publishedAt, 0, opts), fp, selfId, 0);
  }
  const maxBits = opts.thresholdBits;
  const keys = bandKeys(fp.simhash).map((k) => k.key);
  const best = closest(await rowsUnder(db, keys, fp, publishedAt, maxBits, opts), fp, selfId, maxBits);
  if ((best && best.distance <= EXACT_BAND_RADIUS) || maxBits <= EXACT_BAND_RADIUS) return best;
  return closest(await rowsUnder(db, neighbourKeys(fp.simhash), fp, publishedAt, maxBits, opts), fp, selfId, maxBits, best);
}

/** Record the item's fingerprint and group (null = none) on its row. */
export async function markItem(db: DedupDb, itemId: number, simhashHex: string, groupId: number | null): Promise<void> {
  const text = shapeSql(db, 'mark', () => db.updateTable('items').set({ simhash: '', similar_group_id: 0 }).where('id', '=', 0).compile());
  await db.executeQuery(CompiledQuery.raw(text, [simhashHex, groupId, itemId]));
}
