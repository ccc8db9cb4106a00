// Severity levels of alerts (突发事件分级): 一般 < 较大 < 重大 < 特别重大.
import { z } from 'zod';

export const SEVERITIES = ['general', 'major', 'serious', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_ZH: Record<Severity, string> = { general: '一般', major: '较大', serious: '重大', critical: '特别重大' };

const BY_ZH = new Map<string, Severity>(SEVERITIES.map((s) => [SEVERITY_ZH[s], s]));

/** Accepts the English id or the Chinese label (一般/较大/重大/特别重大). */
export const severitySchema = z
  .string()
  .transform((s, c) => {
    const v = (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : BY_ZH.get(s.trim());
    if (!v) {
      c.addIssue({ code: 'custom', message: `expected one of ${SEVERITIES.join(', ')} or 一般/较大/重大/特别重大` });
      return z.NEVER;
    }
    return v;
  });

/** Rank for comparisons: general 0 … critical 3. */
export function severityRank(s: string): number {
  const i = (SEVERITIES as readonly string[]).indexOf(s);
  return i < 0 ? 0 : i;
}

/**
 * Low severity (一般 only): the level that digest mode bundles and personal quiet hours hold back.
 * Anything 较大 or above always goes out at once.
 */
export function isLowSeverity(s: string): boolean {
  return severityRank(s) === 0;
}
