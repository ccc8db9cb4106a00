// The key that encrypts stored channel secrets and signs acknowledgement links: YUQING_SECRET_KEY, or
// when that is empty a random key generated once into the data folder (mode 0600).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

export const KEY_FILE = 'secret.key';

const cache = new Map<string, Buffer>();

/** Read the data folder's key, creating it on first use; a concurrent creator's file wins. */
function fileKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx' fails when another process created it first; then its key is the one to use.
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const hex = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file}: expected 64 hex digits`);
  return Buffer.from(hex, 'hex');
}

/** The 32-byte master key (configured key stretched with SHA-256, or the data folder's key). */
export function masterKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  const id = config.secretKey ? `cfg:${crypto.createHash('sha256').update(config.secretKey).digest('hex')}` : `dir:${config.dataDir}`;
  let key = cache.get(id);
  if (!key) {
    key = config.secretKey ? crypto.createHash('sha256').update(config.secretKey, 'utf8').digest() : fileKey(config.dataDir);
    cache.set(id, key);
  }
  return key;
}

/** A purpose-bound subkey, so the encryption key and the link-signing key are never the same bytes. */
export function subKey(config: Pick<Config, 'secretKey' | 'dataDir'>, purpose: string): Buffer {
  return crypto.createHmac('sha256', masterKey(config)).update(`yuqing:${purpose}`).digest();
}
