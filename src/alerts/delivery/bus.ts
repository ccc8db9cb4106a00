// In-process wake-up of the delivery worker right after deliveries were enqueued, so a message goes out
// in milliseconds instead of at the next poll. Only a hint: the outbox table stays the source of truth,
// and a worker in another process finds the same rows on its next poll.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.setMaxListeners(100);
// A wake that comes while the worker is busy sending is remembered, not lost: the next wait returns at once.
let pending = false;

/** Tell local delivery workers there is work. */
export function wakeDeliveries(): void {
  pending = true;
  bus.emit('wake');
}

/** Wait until woken or `ms` passed (whichever first); `signal` aborts the wait. */
export function waitForWork(ms: number, signal?: AbortSignal): Promise<void> {
  if (pending || signal?.aborted) {
    pending = false;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      bus.off('wake', done);
      signal?.removeEventListener('abort', done);
      pending = false;
      resolve();
    };
    const timer = setTimeout(done, ms);
    bus.once('wake', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
