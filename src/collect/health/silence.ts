// Silence detection: a source that answers but has brought nothing new for far longer than its usual
// gap between items is marked unhealthy ('silent') and raises a source_down event.
import type { AppContext } from '../../context.ts';
import { collectDb } from '../register/tables.ts';
import { markDown } from './transitions.ts';
import { dailyRate } from './usual-rate.ts';

export interface SilenceOptions {
  /** Silent when quiet for this many usual gaps… */
  gapFactor: number;
  /** …and at least this long (ms), so a daily-posting site is not flagged overnight. */
  minSilentMs: number;
  /** Full days of history needed before a usual rate is trusted. */
  minHistoryDays: number;
}

export const DEFAULT_SILENCE: SilenceOptions = { gapFactor: 4, minSilentMs: 12 * 3600_000, minHistoryDays: 7 };

const hours = (ms: number) => `${Math.round(ms / 360_000) / 10} h`;

/** Check every enabled, healthy source for silence; returns the ids newly marked silent. */
export async function checkSilence(ctx: AppContext, opts: SilenceOptions = DEFAULT_SILENCE): Promise<number[]> {
  const db = collectDb(ctx.store.db);
  const now = ctx.clock.now();
  const candidates = await db
    .selectFrom('sources')
    .innerJoin('source_state', 'source_state.source_id', 'sources.id')
    .select(['sources.id', 'sources.created_at', 'source_state.last_item_at'])
    .where('sources.enabled', '=', 1)
    .where('source_state.healthy', '=', 1)
    .where('sources.created_at', '<', now - opts.minHistoryDays * 86_400_000)
    .where((eb) => eb.or([eb('source_state.last_item_at', 'is', null), eb('source_state.last_item_at', '<', now - opts.minSilentMs)]))
    .execute();
  const marked: number[] = [];
  for (const c of candidates) {
    const rate = await dailyRate(ctx, c.id, Number(c.created_at), now);
    if (rate.median === null || rate.median <= 0 || rate.days < opts.minHistoryDays) continue;
    const usualGap = 86_400_000 / rate.median;
    const quietFor = now - Number(c.last_item_at ?? c.created_at);
    if (quietFor < Math.max(opts.minSilentMs, opts.gapFactor * usualGap)) continue;
    const reason = `no new items for ${hours(quietFor)}; usually ${rate.median} a day (one every ${hours(usualGap)})`;
    if (await markDown(db, c.id, 'silent', reason, now)) marked.push(c.id);
  }
  return marked;
}
