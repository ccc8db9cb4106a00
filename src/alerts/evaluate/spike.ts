// Volume spikes: the watched volume of the last hour against the same hour of day over the previous
// weeks, as a z-score. The spread has a floor (√mean, at least 1): counts are small and bursty, and a
// quiet baseline of all zeros must not turn two items into an infinite z.
import type { AlertsDb } from '../tables.ts';
import type { CompiledRule } from '../rules/compiled.ts';
import { baselineCounts, countWatched } from '../rules/watch-sql.ts';

const HOUR = 3_600_000;

export interface SpikeReading {
  current: number;
  mean: number;
  std: number;
  z: number;
}

/** z-score of `current` against the baseline counts. */
export function zScore(current: number, baseline: readonly number[]): SpikeReading {
  const n = baseline.length || 1;
  const mean = baseline.reduce((a, b) => a + b, 0) / n;
  const variance = baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const std = Math.sqrt(variance);
  const z = (current - mean) / Math.max(std, Math.sqrt(mean), 1);
  return { current, mean, std, z: Math.round(z * 100) / 100 };
}

/**
 * Reads spikes for a rule at an instant. The baseline (weeks of history) barely moves within an hour,
 * so it is kept per rule and hour: one heavy query per rule per hour, one light count per batch.
 */
export class SpikeProbe {
  private baselines = new Map<string, number[]>();

  constructor(private db: AlertsDb) {}

  /** The reading of the hour ending at `at`. */
  async read(rule: CompiledRule, at: number): Promise<SpikeReading> {
    const key = `${rule.id}:${rule.baselineWeeks}:${Math.floor(at / HOUR)}`;
    let base = this.baselines.get(key);
    if (!base) {
      base = await baselineCounts(this.db, rule, at, rule.baselineWeeks);
      if (this.baselines.size > 10_000) this.baselines.clear();
      this.baselines.set(key, base);
    }
    return zScore(await countWatched(this.db, rule, at - HOUR, at), base);
  }
}
