// One check of one claimed source: collect once, skip what is known, ingest the rest with the source,
// keep the raw responses as evidence linked to the new items, and record the outcome on its health.
import type { AppContext } from '../../context.ts';
import { ingest } from '../../ingest/pipeline.ts';
import type { IngestSummary } from '../../ingest/result.ts';
import { collectOnce, type CollectKind } from '../collect-once.ts';
import { storeEvidence, type ItemFrom } from '../evidence/captures.ts';
import { describeFailure, failureFromErrors, type Failure } from '../health/failure-reason.ts';
import { recordFailure, recordSuccess } from '../health/record.ts';
import type { ClaimedSource } from './claim.ts';
import { checkFetch } from './fetcher.ts';
import type { HostGate } from './host-gate.ts';
import { knownChecker } from './known.ts';
import type { SchedulerOptions } from './options.ts';
import { effectiveIntervalS, nextAfterFailure, nextAfterSuccess } from './timing.ts';

export interface CheckResult {
  sourceId: number;
  ok: boolean;
  found: number;
  added: number;
  error?: Failure;
}

/** Summarise rejected items (e.g. a date in the future) as a warning on the source's health. */
function rejectedWarning(summary: IngestSummary): string | null {
  const rej = summary.results.filter((r) => r.status === 'rejected');
  if (rej.length === 0) return null;
  const first = rej[0]!;
  return `${rej.length} item(s) rejected, e.g. ${first.field}: ${first.reason ?? ''}`;
}

/** Check the source once and record the outcome; never throws for the source's own faults. */
export async function checkSource(ctx: AppContext, c: ClaimedSource, keyPeriodS: number | undefined, gate: HostGate, opts: SchedulerOptions): Promise<CheckResult> {
  const { source, state } = c;
  const startedAt = ctx.clock.now();
  const intervalS = effectiveIntervalS(Number(source.interval_s), keyPeriodS);
  const failed = async (f: Failure): Promise<CheckResult> => {
    await recordFailure(ctx, source.id, startedAt, f, opts.unhealthyAfter, (n) => nextAfterFailure(ctx.clock.now(), n, intervalS, opts));
    ctx.log.warn({ source_id: source.id, error_code: f.code, reason: f.reason }, 'source_check_failed');
    return { sourceId: source.id, ok: false, found: 0, added: 0, error: f };
  };
  try {
    if (!source.url) return await failed({ code: 'YQ_ERR_VALIDATION', reason: 'source has no URL' });
    const f = checkFetch(ctx, source.url, { etag: state.etag, lastModified: state.last_modified }, gate, opts);
    const result = await collectOnce(
      { kind: source.kind as CollectKind, url: source.url, settings: JSON.parse(source.settings_json) as Record<string, unknown>, platform: source.platform },
      { fetch: f.fetch, tz: source.timezone ?? ctx.config.timezone, now: ctx.clock.now(), known: await knownChecker(ctx, source.id, opts.knownWindow) },
    );
    const main = f.main();
    if (!result.notModified && result.items.length === 0 && result.errors.length > 0) return await failed(failureFromErrors(result.errors));
    let added = 0;
    let warning = result.errors.length ? result.errors.join('; ').slice(0, 1000) : null;
    if (result.items.length > 0) {
      const summary = await ingest(ctx, result.items, { source: { id: source.id, key: source.key, platform: source.platform } });
      added = summary.added;
      warning = [warning, rejectedWarning(summary)].filter(Boolean).join('; ') || null;
      const stored: ItemFrom[] = summary.results.flatMap((r, i) =>
        r.status === 'added' && r.id !== undefined ? [{ itemId: r.id, capture: result.itemCaptures[i] ?? 0 }] : []);
      await storeEvidence(ctx, source.id, result.captures, stored);
    }
    await recordSuccess(ctx, source.id, {
      startedAt, itemsFound: result.items.length, itemsAdded: added, warning,
      etag: main ? main.etag ?? null : undefined, lastModified: main ? main.lastModified ?? null : undefined,
      nextCheckAt: nextAfterSuccess(ctx.clock.now(), intervalS, opts),
    });
    ctx.log.debug({ source_id: source.id, items_found: result.items.length, items_added: added }, 'source_checked');
    return { sourceId: source.id, ok: true, found: result.items.length, added };
  } catch (err) {
    return failed(describeFailure(err));
  }
}
