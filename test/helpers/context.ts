// Test helpers: a fresh data folder with a migrated SQLite store, a silent logger and a settable clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, closeContext } from '../../src/app-context.ts';
import type { AppContext, Clock } from '../../src/context.ts';
import type { Config } from '../../src/config.ts';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public t: number = Date.UTC(2026, 10, 20, 2, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestContext extends AppContext {
  clock: TestClock;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** A context on a new temporary data folder; `cleanup()` closes it and removes the folder. */
export async function testContext(config: Partial<Config> = {}, clock = new TestClock()): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-test-'));
  const ctx = await createContext({ config: { dataDir, logLevel: 'silent', allowPrivateNetworks: true, ...config }, clock });
  return Object.assign(ctx, {
    clock,
    dataDir,
    cleanup: async () => {
      await closeContext(ctx);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Path of a file in the shared data folder beside the repository. */
export function sharedData(...parts: string[]): string {
  return path.resolve(import.meta.dirname, '../../../shared/data', ...parts);
}
