// Stored secrets: `enc:v1:<iv>:<tag>:<ciphertext>` (AES-256-GCM, base64) or `env:NAME` (read from the
// process environment at send time). The API shows only a mask, or the env reference itself.
import crypto from 'node:crypto';
import type { Config } from '../../config.ts';
import { YqError } from '../../errors.ts';
import { subKey } from './key.ts';

type KeyConfig = Pick<Config, 'secretKey' | 'dataDir'>;

const PREFIX = 'enc:v1:';
export const MASK = '******';

/** Encrypt a secret for storage; `env:NAME` references are kept as they are. */
export function sealSecret(config: KeyConfig, plain: string): string {
  if (/^env:[A-Za-z_][A-Za-z0-9_]*$/.test(plain)) return plain;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', subKey(config, 'secrets'), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
}

/** The plain value of a stored secret; throws YQ_ERR_CONFIG when it cannot be read. */
export function openSecret(config: KeyConfig, stored: string, env: NodeJS.ProcessEnv): string {
  if (stored.startsWith('env:')) {
    const name = stored.slice(4);
    const v = env[name];
    if (v === undefined) throw new YqError('YQ_ERR_CONFIG', `secret references environment variable ${name}, which is not set`);
    return v;
  }
  if (!stored.startsWith(PREFIX)) throw new YqError('YQ_ERR_CONFIG', 'stored secret has an unknown format');
  const [iv, tag, data] = stored.slice(PREFIX.length).split(':');
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', subKey(config, 'secrets'), Buffer.from(iv ?? '', 'base64'));
    d.setAuthTag(Buffer.from(tag ?? '', 'base64'));
    return Buffer.concat([d.update(Buffer.from(data ?? '', 'base64')), d.final()]).toString('utf8');
  } catch (err) {
    throw new YqError('YQ_ERR_CONFIG', 'stored secret cannot be decrypted (was YUQING_SECRET_KEY or the data folder key changed?)', { cause: err });
  }
}

/** What the API shows for a stored secret: the env reference, or a mask. */
export function maskSecret(stored: string): string {
  return stored.startsWith('env:') ? stored : MASK;
}
