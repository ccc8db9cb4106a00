// Alerting settings kept in the database (so every process agrees): the public base URL used in
// acknowledgement links, the digest interval, and the delivery retry policy.
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { alertsDb, type AlertsDb } from './tables.ts';

export const settingsSchema = z
  .object({
    /** Base URL people's browsers reach the API at, for acknowledgement links. */
    public_url: z.string().url().max(500).refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL'),
    /** Digest mode: low-severity alerts of digest rules go out bundled every this many minutes. */
    digest_every_minutes: z.number().int().min(1).max(24 * 60),
    /** Attempts before a delivery is dead-lettered. */
    max_attempts: z.number().int().min(1).max(50),
    /** First retry delay; doubles with each failure (capped at an hour). */
    retry_base_seconds: z.number().int().min(1).max(3600),
  })
  .partial()
  .strict();

export interface AlertSettings {
  public_url: string;
  digest_every_minutes: number;
  max_attempts: number;
  retry_base_seconds: number;
}

/** Defaults: the API on this host and port, a 30-minute digest, 5 attempts from 30 s. */
export function defaultSettings(ctx: AppContext): AlertSettings {
  const host = ctx.config.host === '0.0.0.0' || ctx.config.host === '::' ? '127.0.0.1' : ctx.config.host;
  return { public_url: `http://${host}:${ctx.config.port}`, digest_every_minutes: 30, max_attempts: 5, retry_base_seconds: 30 };
}

/** Current settings (stored values over defaults). */
export async function getSettings(ctx: AppContext, db: AlertsDb = alertsDb(ctx.store.db)): Promise<AlertSettings> {
  const rows = await db.selectFrom('alert_settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const parsed = settingsSchema.safeParse(stored);
  return { ...defaultSettings(ctx), ...(parsed.success ? parsed.data : {}) };
}

/** Store some settings. */
export async function putSettings(ctx: AppContext, s: z.output<typeof settingsSchema>): Promise<AlertSettings> {
  const db = alertsDb(ctx.store.db);
  for (const [key, v] of Object.entries(s)) {
    if (v === undefined) continue;
    const value = JSON.stringify(v);
    await db.insertInto('alert_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
  return getSettings(ctx, db);
}
