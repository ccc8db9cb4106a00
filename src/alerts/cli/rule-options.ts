// Command-line options of `yuqing alert-rule add|edit` and their translation into the API payload.
import type { Command } from 'commander';
import { YqError } from '../../errors.ts';

export interface RuleOptions {
  name?: string;
  description?: string;
  trigger?: string;
  severity?: string;
  topics?: string;
  regions?: string;
  jurisdiction?: boolean;
  risks?: string;
  minRiskScore?: string;
  platforms?: string;
  sources?: string;
  sentiment?: string;
  heat?: string;
  z?: string;
  minCount?: string;
  minItems?: string;
  baselineWeeks?: string;
  cooldown?: string;
  maxAge?: string;
  digest?: boolean;
  kpHeat?: string;
  kpZ?: string;
  kpMinCount?: string;
  team?: string;
  policy?: string;
  channels?: string;
  disabled?: boolean;
  enabled?: boolean;
  json?: string;
}

/** Declare the rule options on a command. */
export function ruleOptions(c: Command): Command {
  return c
    .option('--name <name>', 'unique rule name')
    .option('--description <text>', 'what the rule is for')
    .option('--trigger <kind>', 'item | new_event | event_heat | volume_spike | source_down')
    .option('--severity <level>', 'general|major|serious|critical or 一般|较大|重大|特别重大')
    .option('--topics <ids>', 'watch: topic ids, comma-separated')
    .option('--regions <codes>', 'watch: region codes, comma-separated')
    .option('--jurisdiction', 'watch: the configured jurisdiction (YUQING_JURISDICTION)')
    .option('--risks <ids>', 'watch: risk category ids, comma-separated')
    .option('--min-risk-score <x>', 'watch: lowest risk score that counts (0-1)')
    .option('--platforms <list>', 'watch: platforms, comma-separated')
    .option('--sources <keys>', 'watch: source keys, comma-separated')
    .option('--sentiment <list>', 'watch: negative,neutral,positive')
    .option('--heat <n>', 'event_heat: heat threshold')
    .option('--z <n>', 'volume_spike: z-score threshold (default 3)')
    .option('--min-count <n>', 'volume_spike: least items in the hour (default 5)')
    .option('--min-items <n>', 'new_event: least items in the event (default 1)')
    .option('--baseline-weeks <n>', 'volume_spike: weeks of baseline (default 4)')
    .option('--cooldown <minutes>', 'one alert per story within this window (default 60)')
    .option('--max-age <hours>', 'older items never fire (default 72)')
    .option('--digest', 'bundle low-severity alerts into the digest')
    .option('--kp-heat <n>', 'key periods: heat threshold')
    .option('--kp-z <n>', 'key periods: z-score threshold')
    .option('--kp-min-count <n>', 'key periods: least items in the hour')
    .option('--team <id>', 'duty team whose on-duty people hear the alert')
    .option('--policy <id>', 'escalation policy id')
    .option('--channels <ids>', 'channels always notified, comma-separated')
    .option('--json <payload>', 'the whole payload as JSON (options above override its fields)');
}

const list = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));
function num(flag: string, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new YqError('YQ_ERR_VALIDATION', `${flag}: not a number: ${JSON.stringify(s)}`);
  return n;
}
const nums = (flag: string, s: string | undefined) => list(s)?.map((x) => num(flag, x)!);
const defined = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The payload the options describe, over `base` (the current rule when editing). */
export function ruleFromOptions(o: RuleOptions, base: Record<string, unknown> = {}): Record<string, unknown> {
  let fromJson: Record<string, unknown> = {};
  if (o.json) {
    try {
      fromJson = JSON.parse(o.json) as Record<string, unknown>;
    } catch {
      throw new YqError('YQ_ERR_BAD_JSON', '--json: not valid JSON');
    }
  }
  const merged: Record<string, unknown> = { ...base, ...fromJson };
  const watch = defined({
    topics: nums('--topics', o.topics), regions: list(o.regions), jurisdiction: o.jurisdiction, risks: list(o.risks),
    min_risk_score: num('--min-risk-score', o.minRiskScore), platforms: list(o.platforms), sources: list(o.sources), sentiment: list(o.sentiment),
  });
  const kp = defined({ heat_threshold: num('--kp-heat', o.kpHeat), z_threshold: num('--kp-z', o.kpZ), min_count: num('--kp-min-count', o.kpMinCount) });
  const params = defined({
    heat_threshold: num('--heat', o.heat), z_threshold: num('--z', o.z), min_count: num('--min-count', o.minCount),
    new_event_min_items: num('--min-items', o.minItems), baseline_weeks: num('--baseline-weeks', o.baselineWeeks),
    cooldown_minutes: num('--cooldown', o.cooldown), max_item_age_hours: num('--max-age', o.maxAge), digest: o.digest,
    ...(Object.keys(kp).length ? { key_period: { ...((merged.params as { key_period?: object } | undefined)?.key_period ?? {}), ...kp } } : {}),
  });
  if (Object.keys(watch).length) merged.watch = { ...((merged.watch as object | undefined) ?? {}), ...watch };
  if (Object.keys(params).length) merged.params = { ...((merged.params as object | undefined) ?? {}), ...params };
  Object.assign(merged, defined({
    name: o.name, description: o.description, trigger: o.trigger, severity: o.severity,
    team_id: num('--team', o.team), policy_id: num('--policy', o.policy), channel_ids: nums('--channels', o.channels),
    enabled: o.disabled ? false : o.enabled ? true : undefined,
  }));
  return merged;
}
