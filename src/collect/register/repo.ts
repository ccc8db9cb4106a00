// Source register queries: create, read, list, update, delete, and the JSON form.
import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { collectDb, type RegisteredSourcesTable } from './tables.ts';
import { newPushToken, hashPushToken } from './push-token.ts';
import type { SourceCreate, SourceJson, SourceKind, SourceUpdate } from './schema.ts';
import { z } from 'zod';
import { SETTINGS_SCHEMAS, type CollectKind } from '../collect-once.ts';
import { parseOrThrow } from './parse.ts';

export type SourceRow = Selectable<RegisteredSourcesTable>;

/** The JSON form of a stored source (never the token hash). */
export function sourceToJson(r: SourceRow): SourceJson {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    kind: r.kind as SourceKind,
    url: r.url,
    platform: r.platform,
    region: r.region,
    owner_org: r.owner_org,
    contact_person: r.contact_person,
    contact_phone: r.contact_phone,
    interval_s: Number(r.interval_s),
    enabled: Number(r.enabled) === 1,
    tags: JSON.parse(r.tags_json) as string[],
    timezone: r.timezone,
    settings: JSON.parse(r.settings_json) as Record<string, unknown>,
    has_push_token: r.push_token_hash !== null,
    created_at: new Date(Number(r.created_at)).toISOString(),
    updated_at: new Date(Number(r.updated_at)).toISOString(),
  };
}

/** Check the collector settings against the kind's schema (push sources take none); returns them parsed. */
function checkSettings(kind: string, settings: Record<string, unknown>): void {
  if (kind === 'push') {
    if (Object.keys(settings).length) throw new YqError('YQ_ERR_VALIDATION', 'settings: a push source takes no settings', { details: { field: 'settings' } });
    return;
  }
  const schema = SETTINGS_SCHEMAS[kind as CollectKind];
  if (schema) parseOrThrow(z.object({ settings: schema }), { settings });
}

/** A key derived from the URL's host (or the kind), made unique with a counter. */
async function freeKey(ctx: AppContext, s: SourceCreate): Promise<string> {
  let base: string = s.kind;
  if (s.url) base = new URL(s.url).hostname.replace(/^www\./, '').replace(/[^a-z0-9]+/gi, '-').slice(0, 56) || s.kind;
  const taken = new Set(
    (await collectDb(ctx.store.db).selectFrom('sources').select('key').where('key', 'like', `${base}%`).execute()).map((r) => r.key),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Register a source; due for its first check at once. Returns the row and, for push, the token (shown once). */
export async function createSource(ctx: AppContext, s: SourceCreate): Promise<{ source: SourceRow; pushToken: string | null }> {
  const db = collectDb(ctx.store.db);
  checkSettings(s.kind, s.settings);
  const key = s.key ?? (await freeKey(ctx, s));
  if (await db.selectFrom('sources').select('id').where('key', '=', key).executeTakeFirst()) {
    throw new YqError('YQ_ERR_CONFLICT', `key: a source with key ${JSON.stringify(key)} exists`, { details: { field: 'key' } });
  }
  const pushToken = s.kind === 'push' ? newPushToken() : null;
  const now = ctx.clock.now();
  const source = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('sources')
      .values({
        key, name: s.name, kind: s.kind, url: s.url ?? null, platform: s.platform, enabled: s.enabled ? 1 : 0,
        settings_json: JSON.stringify(s.settings), region: s.region ?? null, owner_org: s.owner_org ?? null,
        contact_person: s.contact_person ?? null, contact_phone: s.contact_phone ?? null, interval_s: s.interval_s,
        tags_json: JSON.stringify(s.tags), timezone: s.timezone ?? null,
        push_token_hash: pushToken ? hashPushToken(pushToken) : null, created_at: now, updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('source_state').values({ source_id: row.id, next_check_at: now }).execute();
    return row;
  });
  return { source, pushToken };
}

/** One source by id, or YQ_ERR_NOT_FOUND. */
export async function getSource(ctx: AppContext, id: number): Promise<SourceRow> {
  const row = await collectDb(ctx.store.db).selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new YqError('YQ_ERR_NOT_FOUND', `source ${id}`);
  return row;
}

export interface SourceFilter {
  kind?: SourceKind;
  enabled?: boolean;
  region?: string;
  tag?: string;
}

/** Sources matching the filter, by id. */
export async function listSources(ctx: AppContext, f: SourceFilter = {}): Promise<SourceRow[]> {
  let q = collectDb(ctx.store.db).selectFrom('sources').selectAll().orderBy('id');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.enabled !== undefined) q = q.where('enabled', '=', f.enabled ? 1 : 0);
  if (f.region) q = q.where('region', '=', f.region);
  const rows = await q.execute();
  return f.tag ? rows.filter((r) => (JSON.parse(r.tags_json) as string[]).includes(f.tag!)) : rows;
}

/** Apply a partial update; rotating the push token returns the new token (shown once). */
export async function updateSource(ctx: AppContext, id: number, u: SourceUpdate): Promise<{ source: SourceRow; pushToken: string | null }> {
  const cur = await getSource(ctx, id);
  const kind = u.kind ?? cur.kind;
  const url = u.url === undefined ? cur.url : u.url;
  if (u.kind !== undefined || u.settings !== undefined) checkSettings(kind, u.settings ?? (JSON.parse(cur.settings_json) as Record<string, unknown>));
  if (kind !== 'push' && !url) throw new YqError('YQ_ERR_VALIDATION', 'url: required for every kind except push', { details: { field: 'url' } });
  if (u.key && u.key !== cur.key) {
    if (await collectDb(ctx.store.db).selectFrom('sources').select('id').where('key', '=', u.key).executeTakeFirst()) {
      throw new YqError('YQ_ERR_CONFLICT', `key: a source with key ${JSON.stringify(u.key)} exists`, { details: { field: 'key' } });
    }
  }
  const rotate = u.rotate_push_token === true || (kind === 'push' && cur.push_token_hash === null);
  const pushToken = rotate ? newPushToken() : null;
  const { tags, settings, enabled, rotate_push_token: _r, ...plain } = u;
  const row = await collectDb(ctx.store.db)
    .updateTable('sources')
    .set({
      ...plain,
      ...(tags ? { tags_json: JSON.stringify(tags) } : {}),
      ...(settings ? { settings_json: JSON.stringify(settings) } : {}),
      ...(enabled === undefined ? {} : { enabled: enabled ? 1 : 0 }),
      ...(pushToken ? { push_token_hash: hashPushToken(pushToken) } : {}),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // A changed URL or interval should take effect now, not after the old schedule runs out.
  const urlChanged = u.url !== undefined && u.url !== cur.url;
  if (urlChanged || u.interval_s !== undefined || u.settings !== undefined || (enabled === true && Number(cur.enabled) !== 1)) {
    await collectDb(ctx.store.db)
      .updateTable('source_state')
      .set({ next_check_at: ctx.clock.now(), ...(urlChanged || u.settings !== undefined ? { etag: null, last_modified: null } : {}) })
      .where('source_id', '=', id)
      .execute();
  }
  return { source: row, pushToken };
}

/** Remove a source from the register; its items stay (source_id set null). */
export async function deleteSource(ctx: AppContext, id: number): Promise<void> {
  await getSource(ctx, id);
  await collectDb(ctx.store.db).deleteFrom('sources').where('id', '=', id).execute();
}
