// The push kind: a partner system POSTs items with the source's bearer token; they go through the
// same ingest as everything else, the request body is kept as evidence, and the source's health
// sees the delivery like a successful check.
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { ingest } from '../../ingest/pipeline.ts';
import type { IngestSummary } from '../../ingest/result.ts';
import { storeEvidence, type ItemFrom } from '../evidence/captures.ts';
import { recordItems } from '../health/record.ts';
import { markUp } from '../health/transitions.ts';
import { pushTokenMatches } from './push-token.ts';
import type { SourceRow } from './repo.ts';
import { collectDb } from './tables.ts';

/** The evidence URI of a push delivery (a WARC 'resource' record: there was no response to capture). */
export function pushCaptureUri(sourceKey: string): string {
  return `urn:yuqing:push:${encodeURIComponent(sourceKey)}`;
}

/** Check the Authorization header against the source's token; throws 401/403. */
export function authorisePush(source: SourceRow, authorization: string | undefined): void {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m || source.kind !== 'push' || !pushTokenMatches(m[1]!, source.push_token_hash)) {
    throw new YqError('YQ_ERR_UNAUTHORIZED', 'a valid "Authorization: Bearer <push token>" for this source is required');
  }
  if (Number(source.enabled) !== 1) throw new YqError('YQ_ERR_FORBIDDEN', `source ${source.id} is disabled`);
}

/** Ingest a pushed batch for the source and keep the delivery as evidence. */
export async function receivePush(ctx: AppContext, source: SourceRow, batch: unknown[], rawBody: Buffer, contentType: string): Promise<IngestSummary> {
  const summary = await ingest(ctx, batch, { source: { id: source.id, key: source.key, platform: source.platform } });
  const now = ctx.clock.now();
  const stored: ItemFrom[] = summary.results.flatMap((r) => (r.status === 'added' && r.id !== undefined ? [{ itemId: r.id, capture: 0 }] : []));
  await storeEvidence(ctx, source.id, [{ url: pushCaptureUri(source.key), fetchedAt: now, status: 200, headers: { 'content-type': contentType }, body: rawBody }], stored);
  await collectDb(ctx.store.db).transaction().execute(async (trx) => {
    await trx.updateTable('source_state').set({ last_check_at: now, last_success_at: now, consecutive_failures: 0 }).where('source_id', '=', source.id).execute();
    await recordItems(ctx, trx, source.id, summary.added, now);
    await markUp(trx, source.id, 'failures', 'push delivery received', now);
  });
  return summary;
}
