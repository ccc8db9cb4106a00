// Runs a CLI action with an opened context (logs to stderr) and closes it afterwards, whatever happens.
import { createContext, closeContext } from '../app-context.ts';
import type { AppContext } from '../context.ts';
import { isYqError } from '../errors.ts';

/** Open the context, run `fn`, close; a YqError prints its message and exits 1 without a stack. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext({ logToStderr: true });
  try {
    return await fn(ctx);
  } catch (err) {
    if (isYqError(err)) {
      process.stderr.write(`error ${err.code}: ${err.message}\n`);
      process.exitCode = 1;
      return undefined as T;
    }
    throw err;
  } finally {
    await closeContext(ctx);
  }
}
