// A rule as evaluation uses it: defaults applied, region prefixes resolved (the jurisdiction included),
// thresholds for inside and outside key periods. Compiled once per rules version and cached per store.
import type { AppContext } from '../../context.ts';
import type { Store } from '../../store/db.ts';
import type { Severity } from '../severity.ts';
import { alertsDb, type RuleRow } from '../tables.ts';
import { listRules, readRuleVersion } from './repo.ts';
import type { RuleParams, Trigger, Watch } from './schema.ts';

export interface Thresholds {
  heat: number;
  z: number;
  minCount: number;
  newEventMinItems: number;
}

export interface CompiledRule {
  id: number;
  name: string;
  severity: Severity;
  trigger: Trigger;
  watch: Watch;
  /** Region code prefixes an item must mention one of; null when the rule does not look at regions. */
  regionPrefixes: string[] | null;
  cooldownMs: number;
  digest: boolean;
  maxAgeMs: number;
  baselineWeeks: number;
  newEventWindowMs: number;
  normal: Thresholds;
  keyPeriod: Thresholds;
  teamId: number | null;
  policyId: number | null;
  channelIds: number[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Compile one stored rule against the configured jurisdiction. */
export function compileRule(r: RuleRow, jurisdiction: readonly string[]): CompiledRule {
  const watch = JSON.parse(r.watch_json) as Watch;
  const p = JSON.parse(r.params_json) as RuleParams;
  const regions = [...(watch.regions ?? []), ...(watch.jurisdiction ? jurisdiction : [])];
  const lookedAtRegions = (watch.regions?.length ?? 0) > 0 || watch.jurisdiction === true;
  const normal: Thresholds = {
    heat: p.heat_threshold ?? Infinity,
    z: p.z_threshold ?? 3,
    minCount: p.min_count ?? 5,
    newEventMinItems: p.new_event_min_items ?? 1,
  };
  const kp = p.key_period ?? {};
  return {
    id: r.id,
    name: r.name,
    severity: r.severity as Severity,
    trigger: r.trigger as Trigger,
    watch,
    regionPrefixes: lookedAtRegions ? regions : null,
    cooldownMs: (p.cooldown_minutes ?? 60) * MINUTE,
    digest: p.digest ?? false,
    maxAgeMs: (p.max_item_age_hours ?? 72) * HOUR,
    baselineWeeks: p.baseline_weeks ?? 4,
    newEventWindowMs: (p.new_event_window_hours ?? 24) * HOUR,
    normal,
    keyPeriod: {
      heat: kp.heat_threshold ?? normal.heat,
      z: kp.z_threshold ?? normal.z,
      minCount: kp.min_count ?? normal.minCount,
      newEventMinItems: kp.new_event_min_items ?? normal.newEventMinItems,
    },
    teamId: r.team_id,
    policyId: r.policy_id,
    channelIds: JSON.parse(r.channel_ids_json) as number[],
  };
}

/** The thresholds in force. */
export function thresholdsOf(rule: CompiledRule, inKeyPeriod: boolean): Thresholds {
  return inKeyPeriod ? rule.keyPeriod : rule.normal;
}

const cache = new WeakMap<Store, { version: number; rules: CompiledRule[] }>();

/** Enabled rules, recompiled only when the version counter in the database moved (one PK read). */
export async function currentRules(ctx: AppContext): Promise<CompiledRule[]> {
  // Version first: rows read afterwards are at least that new, so a race only costs one extra compile.
  const version = await readRuleVersion(alertsDb(ctx.store.db));
  const hit = cache.get(ctx.store);
  if (hit && hit.version === version) return hit.rules;
  const rules = (await listRules(ctx, { enabledOnly: true })).map((r) => compileRule(r, ctx.config.jurisdiction));
  cache.set(ctx.store, { version, rules });
  ctx.log.debug({ rules: rules.length, version }, 'alert_rules_compiled');
  return rules;
}
