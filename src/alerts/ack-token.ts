// Signed acknowledgement links: GET /api/alerts/:id/ack?token=… works without logging in. The token
// binds the alert, the person it was sent to (0 for a group channel) and an expiry, HMAC-signed with a
// subkey of the secret key.
import crypto from 'node:crypto';
import type { Config } from '../config.ts';
import { subKey } from './secrets/key.ts';

type KeyConfig = Pick<Config, 'secretKey' | 'dataDir'>;

/** Links stay valid this long. */
export const ACK_TOKEN_TTL_MS = 7 * 86_400_000;

function mac(config: KeyConfig, payload: string): string {
  return crypto.createHmac('sha256', subKey(config, 'ack-link')).update(payload).digest('base64url');
}

/** A token for acknowledging `alertId` as `personId` (0 = whoever holds the link), valid until `expiresAt`. */
export function signAckToken(config: KeyConfig, alertId: number, personId: number, expiresAt: number): string {
  const exp = Math.floor(expiresAt / 1000);
  return `${personId}.${exp}.${mac(config, `${alertId}.${personId}.${exp}`)}`;
}

/** The person a valid token was issued to, or null when it is forged, for another alert, or expired. */
export function verifyAckToken(config: KeyConfig, alertId: number, token: string, now: number): { personId: number } | null {
  const m = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, person, exp, sig] = m;
  const want = Buffer.from(mac(config, `${alertId}.${person}.${exp}`));
  const got = Buffer.from(sig!);
  if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return null;
  if (Number(exp) * 1000 < now) return null;
  return { personId: Number(person) };
}

/** The full link for a message. */
export function ackUrl(config: KeyConfig, publicUrl: string, alertId: number, personId: number, now: number): string {
  const token = signAckToken(config, alertId, personId, now + ACK_TOKEN_TTL_MS);
  return `${publicUrl.replace(/\/+$/, '')}/api/alerts/${alertId}/ack?token=${encodeURIComponent(token)}`;
}
