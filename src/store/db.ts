// Opens the store: embedded SQLite (WAL, foreign keys) by default, migrated to the latest schema.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, Migrator, FileMigrationProvider, type Dialect } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The raw better-sqlite3 handle, for SQLite-only fast paths (full-text index). */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  dataDir: string;
  databaseUrl?: string;
  /** Skip migrations (only for tools that inspect a store read-only). */
  migrate?: boolean;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Open (creating if needed) the SQLite database in the data folder and apply pending migrations. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl && /^postgres(ql)?:/.test(opts.databaseUrl)) {
    throw new Error('YUQING_DATABASE_URL: the PostgreSQL store is not available in this build yet; leave it empty for SQLite');
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'yuqing.sqlite');
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  // FULL: an acknowledged item survives a power cut too, not only a process crash; ingest commits per
  // batch, so the fsync is paid once per batch.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  const dialect: Dialect = new SqliteDialect({ database: withStatementCache(raw) });
  const db = new Kysely<Database>({ dialect });
  const store: Store = {
    db,
    dialect: 'sqlite',
    sqlite: raw,
    close: async () => {
      await db.destroy();
    },
  };
  if (opts.migrate !== false) await migrateToLatest(store);
  return store;
}

/** Apply every migration in src/store/migrations not yet applied; throws naming the failing one. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: new FileMigrationProvider({ fs: fs.promises, path, migrationFolder: MIGRATIONS_DIR }),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}
