// Captured bodies, content-addressed by SHA-256 and gzip-compressed in the database.
//
// Why the database and not files under <dataDir>/captures/: the link between an item and its evidence
// must never point at a body that is not there. In the database the body, the capture row and the
// item link commit together, one backup holds everything, and several workers sharing a PostgreSQL
// store (DESIGN: scale-out) need no shared file system. Addressing by hash stores an unchanged page
// once however often it is captured; gzip keeps HTML and XML at roughly a fifth of their size.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CollectDb } from '../register/tables.ts';

/** SHA-256 (hex) of a body. */
export function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Store the body once under its hash (a second store of the same body is a no-op); returns the hash. */
export async function putBlob(db: CollectDb, body: Buffer): Promise<string> {
  const sha = sha256Hex(body);
  const exists = await db.selectFrom('capture_blobs').select('sha256').where('sha256', '=', sha).executeTakeFirst();
  if (exists) return sha;
  const gz = gzipSync(body, { level: 6 });
  // Already-compressed bodies (images, archives) do not shrink: keep them as they are.
  const [encoding, data] = gz.length < body.length ? (['gzip', gz] as const) : (['identity', body] as const);
  await db
    .insertInto('capture_blobs')
    .values({ sha256: sha, size: body.length, encoding, data })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha;
}

/** The body stored under the hash, or null; the hash is re-checked so tampering shows. */
export async function getBlob(db: CollectDb, sha: string): Promise<Buffer | null> {
  const r = await db.selectFrom('capture_blobs').select(['encoding', 'data']).where('sha256', '=', sha).executeTakeFirst();
  if (!r) return null;
  const body = r.encoding === 'gzip' ? gunzipSync(r.data) : Buffer.from(r.data);
  if (sha256Hex(body) !== sha) throw new Error(`capture body ${sha} fails its SHA-256 check`);
  return body;
}
