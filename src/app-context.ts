// Builds the AppContext for a process: configuration, logger, opened and migrated store.
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openStore } from './store/db.ts';
import { systemClock, type AppContext, type Clock } from './context.ts';

export interface CreateContextOptions {
  config?: Partial<Config>;
  clock?: Clock;
  /** Log to stderr (CLI commands keep stdout for their output). */
  logToStderr?: boolean;
}

/** Open everything a process needs; call `closeContext` when done. */
export async function createContext(opts: CreateContextOptions = {}): Promise<AppContext> {
  const config = loadConfig(process.env, opts.config);
  const log = createLogger(config.logLevel, opts.logToStderr);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  return { config, store, log, clock: opts.clock ?? systemClock };
}

/** Close the store; safe to call twice. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.store.close();
}
