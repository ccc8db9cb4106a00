// Alerts: rules and their version counter, alerts with their evidence items and action log, the delivery
// outbox, in-app notifications, channels (secrets encrypted), the duty roster (people, teams, shifts,
// swaps, holidays, handovers), escalation policies, situation-report settings of key periods, settings.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

async function rulesAndAlerts(db: Db): Promise<void> {
  await db.schema
    .createTable('alert_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('watch_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('params_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('team_id', 'integer')
    .addColumn('policy_id', 'integer')
    .addColumn('channel_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Bumped with every rule change in the same transaction: each process recompiles when it moves.
  await db.schema
    .createTable('alert_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO alert_state (id, version, updated_at) VALUES (1, 1, 0)`.execute(db);

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('rule_id', 'integer', (c) => c.notNull())
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    // `${rule_id}:${dedup_key}` while this alert is the current one of its key; unique, so two workers
    // never open two alerts for the same key (the loser updates the winner's alert instead).
    .addColumn('open_slot', 'text')
    .addColumn('event_id', 'integer')
    .addColumn('source_id', 'integer')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_item_id', 'integer')
    .addColumn('last_item_id', 'integer')
    .addColumn('heat', 'double precision')
    .addColumn('z_score', 'double precision')
    .addColumn('digest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('team_id', 'integer')
    .addColumn('policy_id', 'integer')
    .addColumn('in_key_period', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('esc_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('esc_cycle', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_escalation_at', 'bigint')
    .addColumn('fired_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('cooldown_until', 'bigint', (c) => c.notNull())
    .addColumn('acked_at', 'bigint')
    .addColumn('acked_by', 'text')
    .addColumn('ack_note', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX alerts_open_slot_uq ON alerts (open_slot) WHERE open_slot IS NOT NULL`.execute(db);
  await db.schema.createIndex('alerts_rule_key_idx').on('alerts').columns(['rule_id', 'dedup_key']).execute();
  await db.schema.createIndex('alerts_escalation_idx').on('alerts').columns(['status', 'next_escalation_at']).execute();
  await db.schema.createIndex('alerts_fired_idx').on('alerts').column('fired_at').execute();

  await db.schema
    .createTable('alert_items')
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_items_pk', ['alert_id', 'item_id'])
    .execute();
  await db.schema.createIndex('alert_items_item_idx').on('alert_items').column('item_id').execute();

  await db.schema
    .createTable('alert_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('step', 'integer')
    .addColumn('delivery_id', 'integer')
    .execute();
  await db.schema.createIndex('alert_log_alert_idx').on('alert_log').columns(['alert_id', 'at']).execute();
}

async function outbox(db: Db): Promise<void> {
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('alert_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel_kind', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'integer')
    .addColumn('person_id', 'integer')
    .addColumn('address', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_until', 'bigint')
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('bundle_id', 'integer')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_due_idx').on('deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('deliveries_alert_idx').on('deliveries').column('alert_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer')
    .addColumn('alert_id', 'integer')
    .addColumn('delivery_id', 'integer')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema.createIndex('notifications_person_idx').on('notifications').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    // Each value is `enc:v1:…` (AES-256-GCM) or `env:NAME`; never returned by the API.
    .addColumn('secrets_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alert_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function roster(db: Db): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('channel_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('chief_id', 'integer')
    .addColumn('leader_id', 'integer')
    .addColumn('policy_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('days_json', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('primary_id', 'integer', (c) => c.notNull())
    .addColumn('backup_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shifts_team_idx').on('shifts').column('team_id').execute();

  await db.schema
    .createTable('shift_swaps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('shifts.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('primary_id', 'integer')
    .addColumn('backup_id', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('shift_swaps_uq', ['shift_id', 'date'])
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('works_as', 'text')
    .execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('from_person_id', 'integer', (c) => c.notNull())
    .addColumn('to_person_id', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handovers_team_idx').on('handovers').columns(['team_id', 'at']).execute();

  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('steps_json', 'text', (c) => c.notNull())
    .addColumn('repeat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repeat_after_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('situation_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key_period_id', 'integer', (c) => c.notNull().unique())
    .addColumn('every_minutes', 'integer', (c) => c.notNull())
    .addColumn('team_id', 'integer')
    .addColumn('person_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('channel_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('last_sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function up(db: Db): Promise<void> {
  await rulesAndAlerts(db);
  await outbox(db);
  await roster(db);
}

export async function down(db: Db): Promise<void> {
  for (const t of [
    'situation_reports', 'escalation_policies', 'handovers', 'holidays', 'shift_swaps', 'shifts', 'teams', 'people',
    'alert_settings', 'channels', 'notifications', 'deliveries', 'alert_log', 'alert_items', 'alerts', 'alert_state', 'alert_rules',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
