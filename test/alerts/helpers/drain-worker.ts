// A delivery worker in its own process (for the several-workers test): drains the store's outbox once
// until nothing is due and prints what it sent as JSON.
import { createContext, closeContext } from '../../../src/app-context.ts';
import { drainAll } from '../../../src/alerts/delivery/drain.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: drain-worker.ts DATA_DIR');
const ctx = await createContext({ config: { dataDir, logLevel: 'silent', allowPrivateNetworks: true } });
try {
  process.stdout.write(`${JSON.stringify(await drainAll(ctx, { workerId: `child-${process.pid}`, limit: 3, concurrency: 2 }))}\n`);
} finally {
  await closeContext(ctx);
}
