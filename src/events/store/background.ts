// The stream's term counts in the database (event_term_stats; the row with term '' holds the total), the
// stored counterpart of the in-memory clusterer's StreamBackground.
//
// A batch session counts its items in memory, so each item's decision sees the items before it, and adds
// its counts to the table once at flush. The counts read are kept per store across batches, like the
// state cache: the table carries a version (a random number in the reserved row VERSION_TERM, renewed by
// every flush), and the kept counts are used only while the table still carries the version they were
// kept under; otherwise (another process wrote, or a transaction rolled back) they are dropped and read
// again. A batch then reads only the counts of terms not seen before.
import { sql } from 'kysely';
import { streamP, type Background } from '../cluster/background.ts';
import type { Bag } from '../cluster/tokens.ts';
import type { TokenInfo } from '../cluster/token-info.ts';
import { newVersion } from './write.ts';
import { inLists, runSql, sizedChunks, valueGroups } from './raw-sql.ts';
import type { EventDb } from './tables.ts';

/** The reserved row holding the table's version (no token starts with a space: tokens are trimmed or prefixed). */
export const VERSION_TERM = ' version';

/** Terms kept per store at most; past it the kept counts start afresh. */
const MAX_KEPT = 1_000_000;

/** One term's count: `n` as in the table (when read), `d` what the session `epoch` added and has not written. */
interface TermCount {
  n: number;
  read: boolean;
  d: number;
  epoch: number;
}

interface KeptCounts {
  /** The table's version these counts were read or written under (null: unknown). */
  version: number | null;
  counts: Map<string, TermCount>;
}

const kept = new WeakMap<object, KeptCounts>();
let epochs = 0;

export class TermStats {
  private readonly epoch = ++epochs;
  private kept: KeptCounts;
  private checked = false;
  /** Counts this session changed (to write at flush). */
  private dirty: TermCount[] = [];
  private dirtyTerms: string[] = [];

  constructor(private readonly db: EventDb, owner: object) {
    let k = kept.get(owner);
    if (!k) kept.set(owner, (k = { version: null, counts: new Map() }));
    this.kept = k;
  }

  /** Drop the kept counts unless the table still carries their version (once per session, before any count). */
  async begin(): Promise<void> {
    if (this.checked) return;
    this.checked = true;
    const r = await sql<{ n: number }>`SELECT count AS n FROM event_term_stats WHERE term = ${VERSION_TERM}`.execute(this.db);
    const version = r.rows[0] ? Number(r.rows[0].n) : null;
    if (version === null || version !== this.kept.version || this.kept.counts.size > MAX_KEPT) {
      this.kept.counts = new Map();
      this.kept.version = version;
    }
  }

  private entry(term: string, info?: TokenInfo): TermCount {
    const counts = this.kept.counts;
    let e = info?.linkOwner === counts ? (info.linkValue as TermCount) : counts.get(term);
    if (!e) {
      e = { n: 0, read: false, d: 0, epoch: this.epoch };
      counts.set(term, e);
    } else if (e.epoch !== this.epoch) {
      // Left by a session that never wrote (its transaction failed): its additions do not count.
      e.d = 0;
      e.epoch = this.epoch;
    }
    if (info) {
      info.linkOwner = counts;
      info.linkValue = e;
    }
    return e;
  }

  /** Read the counts of the terms not read yet (the total with them). */
  async load(terms: Iterable<string>): Promise<void> {
    await this.begin();
    const missing: string[] = [];
    const total = this.entry('');
    if (!total.read) missing.push('');
    for (const t of terms) if (!this.entry(t).read) missing.push(t);
    if (missing.length === 0) return;
    missing.sort();
    for (const list of inLists(missing)) {
      const r = await runSql<{ term: string; n: number }>(this.db, `SELECT term, count AS n FROM event_term_stats WHERE term IN ${valueGroups(1, list.length)}`, list);
      for (const row of r.rows) this.entry(row.term).n = Number(row.n);
    }
    for (const t of missing) this.entry(t).read = true;
  }

  /** True when every token of the bag was read. */
  holds(bag: Bag): boolean {
    const counts = this.kept.counts;
    if (!this.checked) return false;
    for (const w of bag.keys()) if (!counts.get(w)?.read) return false;
    return true;
  }

  /** The background of the terms read so far (p_bg from the stream's counts, see cluster/background.ts). */
  background(): Background {
    const counts = this.kept.counts;
    const epoch = this.epoch;
    const count = (e: TermCount | undefined) => (e ? e.n + (e.epoch === epoch ? e.d : 0) : 0);
    const total = count(counts.get(''));
    return {
      pBg: (w, info) => streamP(w, count(info?.linkOwner === counts ? (info.linkValue as TermCount) : counts.get(w)), total, info),
    };
  }

  private bump(term: string, c: number, info?: TokenInfo): void {
    const e = this.entry(term, info);
    if (e.d === 0) {
      this.dirty.push(e);
      this.dirtyTerms.push(term);
    }
    e.d += c;
  }

  /** Count an item's tokens (after begin(); `infos`: the bag's token information, in order, when known). */
  add(bag: Bag, infos?: readonly TokenInfo[]): void {
    if (!this.checked) throw new Error('TermStats.add before begin()');
    if (bag.size === 0) return;
    let total = 0;
    let i = 0;
    for (const [term, c] of bag) {
      this.bump(term, c, infos?.[i++]);
      total += c;
    }
    this.bump('', total);
  }

  /** Add the counts of this session to the table, and renew its version. */
  async flush(): Promise<void> {
    if (this.dirty.length === 0) return;
    await this.begin();
    // In index order: SQLite then walks the index once instead of jumping about it. The terms are sorted
    // by the built-in order (UTF-16 code units, as `<` compares; the terms are distinct): for a batch's
    // 17,000 terms it took ~20 ms where a comparator called from JavaScript took ~35 ms.
    const added = new Map<string, number>();
    for (let i = 0; i < this.dirty.length; i++) added.set(this.dirtyTerms[i]!, this.dirty[i]!.d);
    const terms = this.dirtyTerms.slice().sort();
    for (const chunk of sizedChunks(terms)) {
      const params: unknown[] = new Array(chunk.length * 2);
      for (let i = 0; i < chunk.length; i++) {
        params[2 * i] = chunk[i];
        params[2 * i + 1] = added.get(chunk[i]!);
      }
      await runSql(this.db, `INSERT INTO event_term_stats (term, count) VALUES ${valueGroups(chunk.length, 2)}
        ON CONFLICT (term) DO UPDATE SET count = event_term_stats.count + excluded.count`, params);
    }
    const version = newVersion();
    await sql`INSERT INTO event_term_stats (term, count) VALUES (${VERSION_TERM}, ${version})
      ON CONFLICT (term) DO UPDATE SET count = excluded.count`.execute(this.db);
    for (const e of this.dirty) {
      if (e.read) e.n += e.d;
      e.d = 0;
    }
    this.dirty = [];
    this.dirtyTerms = [];
    this.kept.version = version;
  }
}
