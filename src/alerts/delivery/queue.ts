// The outbox as a queue: claim due deliveries under a lease (so several workers never send one twice),
// then mark each sent, failed (retry later with exponential backoff) or dead (out of attempts).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AlertsDb, DeliveryRow } from '../tables.ts';

/** Longest wait between retries. */
export const MAX_BACKOFF_MS = 3_600_000;

/** Delay before attempt n+1 after n failures: base × 2^(n−1), capped at an hour. */
export function backoffMs(failures: number, baseSeconds: number): number {
  return Math.min(MAX_BACKOFF_MS, baseSeconds * 1000 * 2 ** Math.max(0, failures - 1));
}

/** A worker id unique to this process and loop. */
export function newWorkerId(): string {
  return `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Claim up to `limit` due deliveries for `worker` until `now + leaseMs`. The conditional UPDATE only
 * takes rows nobody holds a live lease on; whoever's UPDATE lands first owns them.
 */
export async function claimDue(db: AlertsDb, worker: string, now: number, leaseMs: number, limit: number): Promise<DeliveryRow[]> {
  const until = now + leaseMs;
  const due = db.selectFrom('deliveries').select('id')
    .where('status', 'in', ['pending', 'failed'])
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at').orderBy('id').limit(limit);
  await db.updateTable('deliveries')
    .set({ claimed_until: until, claimed_by: worker })
    .where('id', 'in', due)
    .where('status', 'in', ['pending', 'failed'])
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .execute();
  return db.selectFrom('deliveries').selectAll().where('claimed_by', '=', worker).where('claimed_until', '=', until)
    .where('status', 'in', ['pending', 'failed']).orderBy('id').execute();
}

/** Mark a claimed delivery sent (only while the claim is still ours). */
export async function markSent(db: AlertsDb, d: DeliveryRow, worker: string, now: number): Promise<boolean> {
  const r = await db.updateTable('deliveries')
    .set({ status: 'sent', sent_at: now, attempts: sql`attempts + 1`, claimed_until: null, claimed_by: null, last_error: null, updated_at: now })
    .where('id', '=', d.id).where('claimed_by', '=', worker).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Record a failed attempt: retry after the backoff, or dead-letter it after the last attempt. */
export async function markFailed(db: AlertsDb, d: DeliveryRow, worker: string, now: number, error: string, baseSeconds: number): Promise<'failed' | 'dead'> {
  const attempts = Number(d.attempts) + 1;
  const dead = attempts >= Number(d.max_attempts);
  await db.updateTable('deliveries').set({
    status: dead ? 'dead' : 'failed', attempts, last_error: error.slice(0, 2000), claimed_until: null, claimed_by: null,
    next_attempt_at: dead ? now : now + backoffMs(attempts, baseSeconds), updated_at: now,
  }).where('id', '=', d.id).where('claimed_by', '=', worker).execute();
  return dead ? 'dead' : 'failed';
}

/** Put a dead (or failed) delivery back in the queue with fresh attempts. */
export async function requeue(db: AlertsDb, id: number, now: number): Promise<boolean> {
  const r = await db.updateTable('deliveries').set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, claimed_by: null, updated_at: now })
    .where('id', '=', id).where('status', 'in', ['dead', 'failed']).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
