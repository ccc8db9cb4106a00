// Claiming due sources in the database: a conditional UPDATE per candidate, so two processes never
// poll the same source at once, and a lease so a crashed process's claims lapse on their own.
import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { collectDb, type SourceStateTable } from '../register/tables.ts';
import type { SourceRow } from '../register/repo.ts';

export interface ClaimedSource {
  source: SourceRow;
  state: Selectable<SourceStateTable>;
}

/** Give every registered source a schedule row (sources added by other means are due at once). */
export async function ensureStateRows(ctx: AppContext, now: number): Promise<void> {
  await sql`INSERT INTO source_state (source_id, next_check_at)
    SELECT id, ${now} FROM sources s WHERE NOT EXISTS (SELECT 1 FROM source_state t WHERE t.source_id = s.id)`.execute(ctx.store.db);
}

/** Claim up to `limit` enabled, pollable sources whose check is due and unclaimed (or whose claim lapsed). */
export async function claimDue(ctx: AppContext, limit: number, workerId: string, leaseMs: number): Promise<ClaimedSource[]> {
  if (limit <= 0) return [];
  const db = collectDb(ctx.store.db);
  const now = ctx.clock.now();
  const candidates = await db
    .selectFrom('source_state')
    .innerJoin('sources', 'sources.id', 'source_state.source_id')
    .select('source_state.source_id')
    .where('sources.enabled', '=', 1)
    .where('sources.kind', '!=', 'push')
    .where('source_state.next_check_at', '<=', now)
    .where((eb) => eb.or([eb('source_state.claimed_until', 'is', null), eb('source_state.claimed_until', '<', now)]))
    .orderBy('source_state.next_check_at')
    .limit(limit)
    .execute();
  const claimed: ClaimedSource[] = [];
  for (const { source_id } of candidates) {
    // The WHERE repeats the due test: whoever updates first wins, the other sees 0 rows.
    const r = await db
      .updateTable('source_state')
      .set({ claimed_until: now + leaseMs, claimed_by: workerId })
      .where('source_id', '=', source_id)
      .where('next_check_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    const source = await db.selectFrom('sources').selectAll().where('id', '=', source_id).executeTakeFirstOrThrow();
    const state = await db.selectFrom('source_state').selectAll().where('source_id', '=', source_id).executeTakeFirstOrThrow();
    claimed.push({ source, state });
  }
  return claimed;
}

/** Give back claims this process holds but will not finish (shutdown before the check started). */
export async function releaseClaims(ctx: AppContext, sourceIds: number[], workerId: string): Promise<void> {
  if (sourceIds.length === 0) return;
  await collectDb(ctx.store.db)
    .updateTable('source_state')
    .set({ claimed_until: null, claimed_by: null })
    .where('source_id', 'in', sourceIds)
    .where('claimed_by', '=', workerId)
    .execute();
}
