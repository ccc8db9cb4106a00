// Band index writes and lookups: where an item's fingerprint is filed, and which filed items are close.
// These run once per ingested item, so their SQL is compiled once per dialect and reused with new
// parameters: building and compiling a 68-key query through Kysely cost about as much as running it.
// On SQLite the compiled SQL runs as prepared statements on the store's handle (the connection the
// ingest transaction holds), skipping Kysely's asynchronous executor: that was a third of the cost.
// A batch files its fingerprints in memory first (PendingBands) and writes them in a few multi-row
// INSERTs at the end; lookups see those pending rows as if they were in the table.
import type BetterSqlite3 from 'better-sqlite3';
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
  /** The SQLite handle of the connection `db` uses, to run statements on directly (null: through Kysely). */
  raw?: BetterSqlite3.Database | null;
  /** Rows filed earlier in this batch but not yet written. */
  pending?: PendingBands | null;
}

type BandRow = { item_id: number; published_at: number; hi: number; lo: number };

/** One simhash_bands row. */
interface FiledRow extends BandRow {
  band: number;
  key: number;
}

/** A batch's filed rows not yet written, indexed by key for lookups. */
export class PendingBands {
  readonly rows: FiledRow[] = [];
  private readonly byKey = new Map<number, FiledRow[]>();

  add(row: FiledRow): void {
    this.rows.push(row);
    const l = this.byKey.get(row.key);
    if (l) l.push(row);
    else this.byKey.set(row.key, [row]);
  }

  /** Rows under any of `keys` published in [from, to] — what the lookup query selects (distance aside). */
  under(keys: readonly number[], from: number, to: number): BandRow[] {
    const out: BandRow[] = [];
    for (const k of keys) {
      for (const r of this.byKey.get(k) ?? []) if (r.published_at >= from && r.published_at <= to) out.push(r);
    }
    return out;
  }

  get size(): number {
    return this.rows.length;
  }
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** A prepared statement for `text` on the raw handle (prepared once per handle). */
function rawStatement(raw: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let m = statements.get(raw);
  if (!m) statements.set(raw, (m = new Map()));
  let st = m.get(text);
  if (!st) m.set(text, (st = raw.prepare(text)));
  return st;
}

async function runSql(db: DedupDb, raw: BetterSqlite3.Database | null | undefined, text: string, params: unknown[]): Promise<void> {
  if (raw) rawStatement(raw, text).run(...params);
  else await db.executeQuery(CompiledQuery.raw(text, params));
}

async function allSql<R>(db: DedupDb, raw: BetterSqlite3.Database | null | undefined, text: string, params: unknown[]): Promise<R[]> {
  if (raw) return rawStatement(raw, text).all(...params) as R[];
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

const sqlByAdapter = new WeakMap<DialectAdapter, Map<string, string>>();
/** Per Kysely instance too: getExecutor() on a transaction builds a new executor on every call. */
const sqlByDb = new WeakMap<DedupDb, Map<string, string>>();

/** The SQL text of a query shape in this database's dialect, compiled on first use. */
function shapeSql(db: DedupDb, shape: string, compile: () => CompiledQuery): string {
  let byDb = sqlByDb.get(db);
  if (!byDb) {
    const adapter = db.getExecutor().adapter;
    byDb = sqlByAdapter.get(adapter);
    if (!byDb) sqlByAdapter.set(adapter, (byDb = new Map()));
    sqlByDb.set(db, byDb);
  }
  let s = byDb.get(shape);
  if (s === undefined) byDb.set(shape, (s = compile().sql));
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

/**
 * File the item's fingerprint under its band keys (or its exact key for a short text): into `pending`
 * when given (written by writePending), else into the table at once.
 */
export async function fileFingerprint(
  db: DedupDb, itemId: number, publishedAt: number, fp: Fingerprint, target: { raw?: BetterSqlite3.Database | null; pending?: PendingBands | null } = {},
): Promise<void> {
  const { hi, lo } = fp.simhash;
  const keys = fp.exactHash !== null ? [{ band: EXACT_BAND, key: exactKey(fp.exactHash) }] : bandKeys(fp.simhash);
  if (target.pending) {
    for (const k of keys) target.pending.add({ band: k.band, key: k.key, published_at: publishedAt, item_id: itemId, hi, lo });
    return;
  }
  const params = keys.flatMap((k) => [k.band, k.key, publishedAt, itemId, hi, lo]);
  await runSql(db, target.raw, insertSql(db, keys.length), params);
}

/** Largest rows per INSERT of pending rows (6 parameters each). */
const MAX_INSERT_ROWS = 256;

/** Write the pending rows, in the order they were filed, in INSERTs of power-of-two sizes (few shapes). */
export async function writePending(db: DedupDb, pending: PendingBands, raw?: BetterSqlite3.Database | null): Promise<void> {
  const rows = pending.rows;
  for (let at = 0; at < rows.length; ) {
    let n = MAX_INSERT_ROWS;
    while (n > rows.length - at) n >>= 1;
    const params: unknown[] = [];
    for (let i = at; i < at + n; i++) {
      const r = rows[i]!;
      params.push(r.band, r.key, r.published_at, r.item_id, r.hi, r.lo);
    }
    await runSql(db, raw, insertSql(db, n), params);
    at += n;
  }
}

/** Filed rows under any of `keys`, published within the window (and within `maxBits` when SQL can tell). */
async function rowsUnder(db: DedupDb, keys: number[], fp: Fingerprint, publishedAt: number, maxBits: number, opts: LookupOptions): Promise<BandRow[]> {
  const from = publishedAt - opts.windowMs;
  const to = publishedAt + opts.windowMs;
  const params = [...keys, from, to];
  if (opts.sqlDistance) params.push(fp.simhash.hi, fp.simhash.lo, maxBits);
  const rows = await allSql<BandRow>(db, opts.raw, lookupSql(db, keys.length, opts.sqlDistance), params);
  if (!opts.pending || opts.pending.size === 0) return rows;
  // Pending rows beyond maxBits are dropped by closest(), as rows are where SQL cannot filter.
  return rows.concat(opts.pending.under(keys, from, to));
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
export async function markItem(db: DedupDb, itemId: number, simhashHex: string, groupId: number | null, raw?: BetterSqlite3.Database | null): Promise<void> {
  const text = shapeSql(db, 'mark', () => db.updateTable('items').set({ simhash: '', similar_group_id: 0 }).where('id', '=', 0).compile());
  await runSql(db, raw, text, [simhashHex, groupId, itemId]);
}
