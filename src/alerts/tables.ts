// Kysely table types of the alerting tables (migration 2026112708_alerts); reach them with alertsDb().
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { Database, Millis } from '../store/schema.ts';
import type { AnalysisTables } from '../analysis/store.ts';
import type { EventTables } from '../events/store/tables.ts';
import type { CollectTables } from '../collect/register/tables.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AlertRulesTable {
  id: Generated<number>;
  name: string;
  description: Defaulted<string>;
  enabled: Defaulted<number>;
  severity: string;
  trigger: string;
  watch_json: string;
  params_json: string;
  team_id: number | null;
  policy_id: number | null;
  channel_ids_json: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface AlertStateTable {
  id: number;
  version: number;
  updated_at: Millis;
}

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertsTable {
  id: Generated<number>;
  rule_id: number;
  rule_name: string;
  trigger: string;
  dedup_key: string;
  open_slot: string | null;
  event_id: number | null;
  source_id: number | null;
  severity: string;
  title: string;
  summary: string;
  status: AlertStatus;
  item_count: number;
  first_item_id: number | null;
  last_item_id: number | null;
  heat: number | null;
  z_score: number | null;
  digest: number;
  team_id: number | null;
  policy_id: number | null;
  in_key_period: number;
  /** Index of the next escalation step to run (0 was run when the alert fired). */
  esc_step: number;
  esc_cycle: number;
  next_escalation_at: Millis | null;
  fired_at: Millis;
  updated_at: Millis;
  cooldown_until: Millis;
  acked_at: Millis | null;
  acked_by: string | null;
  ack_note: string | null;
}

export interface AlertItemsTable {
  alert_id: number;
  item_id: number;
  added_at: Millis;
}

export interface AlertLogTable {
  id: Generated<number>;
  alert_id: number;
  at: Millis;
  action: string;
  actor: string;
  reason: string;
  step: number | null;
  delivery_id: number | null;
}

export type DeliveryStatus = 'held' | 'pending' | 'failed' | 'sent' | 'dead' | 'bundled' | 'cancelled';

export interface DeliveriesTable {
  id: Generated<number>;
  alert_id: number | null;
  /** alert | escalation | digest | report | source */
  kind: string;
  channel_kind: string;
  channel_id: number | null;
  person_id: number | null;
  address: string | null;
  severity: string;
  message_json: string;
  status: DeliveryStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Millis;
  claimed_until: Millis | null;
  claimed_by: string | null;
  last_error: string | null;
  bundle_id: number | null;
  sent_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface NotificationsTable {
  id: Generated<number>;
  person_id: number | null;
  alert_id: number | null;
  delivery_id: number | null;
  severity: string;
  title: string;
  body: string;
  created_at: Millis;
  read_at: Millis | null;
}

export interface ChannelsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  enabled: Defaulted<number>;
  settings_json: string;
  secrets_json: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface AlertSettingsTable {
  key: string;
  value: string;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  title: string;
  phone: string | null;
  email: string | null;
  channel_ids_json: string;
  quiet_start: string | null;
  quiet_end: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  chief_id: number | null;
  leader_id: number | null;
  policy_id: number | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ShiftsTable {
  id: Generated<number>;
  team_id: number;
  label: string;
  days_json: string;
  start_time: string;
  end_time: string;
  primary_id: number;
  backup_id: number | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ShiftSwapsTable {
  id: Generated<number>;
  shift_id: number;
  date: string;
  primary_id: number | null;
  backup_id: number | null;
  reason: string;
  created_by: string;
  created_at: Millis;
}

export interface HolidaysTable {
  date: string;
  name: string;
  /** holiday | workday (调休: a weekend day worked as `works_as`) */
  kind: string;
  works_as: string | null;
}

export interface HandoversTable {
  id: Generated<number>;
  team_id: number;
  from_person_id: number;
  to_person_id: number;
  note: string;
  at: Millis;
}

export interface EscalationPoliciesTable {
  id: Generated<number>;
  name: string;
  steps_json: string;
  repeat: number;
  repeat_after_minutes: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface SituationReportsTable {
  id: Generated<number>;
  key_period_id: number;
  every_minutes: number;
  team_id: number | null;
  person_ids_json: string;
  channel_ids_json: string;
  last_sent_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export type AlertTables = {
  alert_rules: AlertRulesTable;
  alert_state: AlertStateTable;
  alerts: AlertsTable;
  alert_items: AlertItemsTable;
  alert_log: AlertLogTable;
  deliveries: DeliveriesTable;
  notifications: NotificationsTable;
  channels: ChannelsTable;
  alert_settings: AlertSettingsTable;
  people: PeopleTable;
  teams: TeamsTable;
  shifts: ShiftsTable;
  shift_swaps: ShiftSwapsTable;
  holidays: HolidaysTable;
  handovers: HandoversTable;
  escalation_policies: EscalationPoliciesTable;
  situation_reports: SituationReportsTable;
};

/** Every table alerting reads: its own plus analysis, events and collection (sources, key periods). */
export type AlertsDatabase = Omit<Database, 'sources'> & AnalysisTables & EventTables & CollectTables & AlertTables;
export type AlertsDb = Kysely<AlertsDatabase>;

export type AlertRow = Selectable<AlertsTable>;
export type RuleRow = Selectable<AlertRulesTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type PersonRow = Selectable<PeopleTable>;

/** The store's handle typed with the alerting tables (and those it reads). */
export function alertsDb(db: Kysely<Database>): AlertsDb {
  return db.withTables<AnalysisTables & EventTables & CollectTables & AlertTables>() as unknown as AlertsDb;
}
