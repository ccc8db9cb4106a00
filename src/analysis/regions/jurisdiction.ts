// The office's own jurisdiction (YUQING_JURISDICTION): items about it are filtered in and boosted.
import type { Config } from '../../config.ts';

/** True when any of the regions lies within (or is) one of the configured jurisdiction codes. */
export function isInJurisdiction(regions: readonly { code: string }[], config: Pick<Config, 'jurisdiction'>): boolean {
  if (config.jurisdiction.length === 0) return false;
  return regions.some((r) => config.jurisdiction.some((j) => r.code.startsWith(j)));
}
