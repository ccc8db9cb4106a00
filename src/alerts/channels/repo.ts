// Channel storage: settings validated per kind, secrets sealed on write and masked on read; senders
// get the decrypted form through resolveChannel().
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { parsePayload } from '../parse.ts';
import { maskSecret, openSecret, sealSecret } from '../secrets/crypto.ts';
import { alertsDb, type ChannelRow } from '../tables.ts';
import { SECRET_NAMES, SETTINGS, type ChannelCreate, type ChannelJson, type ChannelKind, type ChannelUpdate } from './schema.ts';

/** A channel ready to send through: settings parsed, secrets decrypted. */
export interface ResolvedChannel {
  id: number;
  name: string;
  kind: ChannelKind;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

function checkSecretNames(kind: ChannelKind, names: string[]): void {
  const allowed = SECRET_NAMES[kind];
  if (allowed === 'any') return;
  const bad = names.find((n) => !allowed.includes(n));
  if (bad) throw new YqError('YQ_ERR_VALIDATION', `secrets.${bad}: a ${kind} channel takes only ${allowed.join(', ') || 'no secrets'}`, { details: { field: `secrets.${bad}` } });
}

/** The API form: secrets masked. */
export function channelToJson(r: ChannelRow): ChannelJson {
  const secrets = JSON.parse(r.secrets_json) as Record<string, string>;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ChannelKind,
    enabled: Number(r.enabled) === 1,
    settings: JSON.parse(r.settings_json) as Record<string, unknown>,
    secrets: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, maskSecret(v)])),
    created_at: new Date(Number(r.created_at)).toISOString(),
    updated_at: new Date(Number(r.updated_at)).toISOString(),
  };
}

async function checkName(ctx: AppContext, name: string, selfId?: number): Promise<void> {
  const other = await alertsDb(ctx.store.db).selectFrom('channels').select('id').where('name', '=', name).executeTakeFirst();
  if (other && other.id !== selfId) throw new YqError('YQ_ERR_CONFLICT', `name: a channel named ${JSON.stringify(name)} exists`, { details: { field: 'name' } });
}

/** Create a channel. */
export async function createChannel(ctx: AppContext, c: ChannelCreate): Promise<ChannelJson> {
  const settings = parsePayload(SETTINGS[c.kind], c.settings, 'settings') as Record<string, unknown>;
  checkSecretNames(c.kind, Object.keys(c.secrets));
  await checkName(ctx, c.name);
  const sealed = Object.fromEntries(Object.entries(c.secrets).map(([k, v]) => [k, sealSecret(ctx.config, v)]));
  const now = ctx.clock.now();
  const row = await alertsDb(ctx.store.db)
    .insertInto('channels')
    .values({ name: c.name, kind: c.kind, enabled: c.enabled ? 1 : 0, settings_json: JSON.stringify(settings), secrets_json: JSON.stringify(sealed), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return channelToJson(row);
}

/** A channel row by id, or YQ_ERR_NOT_FOUND. */
export async function getChannel(ctx: AppContext, id: number): Promise<ChannelRow> {
  const r = await alertsDb(ctx.store.db).selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new YqError('YQ_ERR_NOT_FOUND', `channel ${id}`);
  return r;
}

/** All channels by id. */
export async function listChannels(ctx: AppContext): Promise<ChannelRow[]> {
  return alertsDb(ctx.store.db).selectFrom('channels').selectAll().orderBy('id').execute();
}

/** Change a channel; secrets given replace (or with null remove) those of the same name. */
export async function updateChannel(ctx: AppContext, id: number, u: ChannelUpdate): Promise<ChannelJson> {
  const cur = await getChannel(ctx, id);
  const kind = cur.kind as ChannelKind;
  if (u.name !== undefined) await checkName(ctx, u.name, id);
  const settings = u.settings !== undefined ? (parsePayload(SETTINGS[kind], u.settings, 'settings') as Record<string, unknown>) : undefined;
  let secretsJson: string | undefined;
  if (u.secrets !== undefined) {
    checkSecretNames(kind, Object.keys(u.secrets));
    const merged = JSON.parse(cur.secrets_json) as Record<string, string>;
    for (const [k, v] of Object.entries(u.secrets)) {
      if (v === null) delete merged[k];
      else merged[k] = sealSecret(ctx.config, v);
    }
    secretsJson = JSON.stringify(merged);
  }
  const row = await alertsDb(ctx.store.db)
    .updateTable('channels')
    .set({
      ...(u.name !== undefined ? { name: u.name } : {}),
      ...(u.enabled !== undefined ? { enabled: u.enabled ? 1 : 0 } : {}),
      ...(settings ? { settings_json: JSON.stringify(settings) } : {}),
      ...(secretsJson ? { secrets_json: secretsJson } : {}),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return channelToJson(row);
}

/** Delete a channel. */
export async function deleteChannel(ctx: AppContext, id: number): Promise<void> {
  await getChannel(ctx, id);
  await alertsDb(ctx.store.db).deleteFrom('channels').where('id', '=', id).execute();
}

/** Decrypt a channel for sending. Environment references are read here, at send time, on purpose. */
export function resolveChannel(ctx: AppContext, r: ChannelRow): ResolvedChannel {
  const stored = JSON.parse(r.secrets_json) as Record<string, string>;
  const secrets: Record<string, string> = {};
  // `env:NAME` secrets are the one place outside config.ts that reads the environment: the operator
  // names the variable per channel, so it cannot be a fixed configuration key.
  for (const [k, v] of Object.entries(stored)) secrets[k] = openSecret(ctx.config, v, process.env);
  return { id: r.id, name: r.name, kind: r.kind as ChannelKind, settings: JSON.parse(r.settings_json) as Record<string, unknown>, secrets };
}

/** The first enabled channel of a kind (the office's e-mail or SMS transport), or null. */
export async function transportOf(ctx: AppContext, kind: 'email' | 'sms'): Promise<ChannelRow | null> {
  const r = await alertsDb(ctx.store.db).selectFrom('channels').selectAll().where('kind', '=', kind).where('enabled', '=', 1).orderBy('id').executeTakeFirst();
  return r ?? null;
}
