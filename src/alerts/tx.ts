// Write transactions that survive a second process: SQLite answers SQLITE_BUSY at once (the busy
// timeout cannot help) when a transaction that has read must upgrade to write after another connection
// committed. The whole transaction is rolled back, so running it again is safe.
import type { AlertsDb } from './tables.ts';

const MAX_ATTEMPTS = 10;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Run `fn` in a transaction, again (with a short growing pause) when SQLite says the database is busy. */
export async function inTransaction<T>(db: AlertsDb, fn: (trx: AlertsDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (!isBusy(err) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.min(200, 2 ** attempt) + Math.random() * 5));
    }
  }
}
