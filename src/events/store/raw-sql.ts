// Statements of the ingest hot path handed to the driver as SQL text and a parameter list. Kysely's `sql`
// template compiles every fragment and value on each call (a multi-row statement of 20,000 values took
// longer to compile than to run); a fixed text with positional parameters is prepared once and then
// reused from the store's statement cache. For that, lists come in a few fixed sizes only: IN lists are
// padded (a repeated value changes nothing), multi-row writes are cut into chunks of those sizes, so the
// cache holds a handful of texts per statement instead of one per list length. The placeholders are
// SQLite's `?`, the only store of this build (src/store/db.ts).
import { CompiledQuery, type QueryResult } from 'kysely';
import type { EventDb } from './tables.ts';

/** Run SQL text with positional parameters. */
export function runSql<R>(db: EventDb, text: string, params: readonly unknown[]): Promise<QueryResult<R>> {
  return db.executeQuery<R>(CompiledQuery.raw(text, params as unknown[]));
}

/** The sizes lists come in, largest first (4,096 rows of four values stay under SQLite's 32,766). */
const SIZES = [4096, 1024, 256, 64, 16, 4, 1];

const groupTexts = new Map<string, string>();

/** `(?, ?), (?, ?), …`: `rows` groups of `width` placeholders. */
export function valueGroups(rows: number, width: number): string {
  const key = `${rows}:${width}`;
  let text = groupTexts.get(key);
  if (text === undefined) {
    const one = `(${new Array<string>(width).fill('?').join(', ')})`;
    text = new Array<string>(rows).fill(one).join(', ');
    groupTexts.set(key, text);
  }
  return text;
}

/** Rows cut into chunks of the fixed sizes (largest first), for multi-row writes. */
export function* sizedChunks<T>(rows: readonly T[]): Generator<T[]> {
  let i = 0;
  for (const size of SIZES) {
    while (rows.length - i >= size) {
      yield rows.slice(i, i + size);
      i += size;
    }
  }
}

/** Values cut into IN lists of the fixed sizes, the last one padded with its own last value. */
export function* inLists<T>(values: readonly T[]): Generator<T[]> {
  for (let i = 0; i < values.length; i += SIZES[0]!) {
    const chunk = values.slice(i, i + SIZES[0]!);
    let size = SIZES[0]!;
    for (const s of SIZES) if (s >= chunk.length) size = s;
    while (chunk.length < size) chunk.push(chunk[chunk.length - 1]!);
    yield chunk;
  }
}
