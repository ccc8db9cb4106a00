// Push tokens: random, shown once, stored only as a SHA-256 hash, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new push token (prefixed so leaked tokens are recognisable in logs and scanners). */
export function newPushToken(): string {
  return `yqp_${randomBytes(32).toString('base64url')}`;
}

/** The hash stored for a token. */
export function hashPushToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when the presented token matches the stored hash. */
export function pushTokenMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashPushToken(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
