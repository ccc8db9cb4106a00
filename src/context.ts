// The application context handed to every stage: configuration, store, logger and clock.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Store } from './store/db.ts';

/** A clock that tests can control; production uses wall time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface AppContext {
  config: Config;
  store: Store;
  log: Logger;
  clock: Clock;
}
