// A duty team for alert tests: a primary (e-mail + personal webhook), a backup, a section chief and a
// leader, one shift covering every day around the clock, the office's e-mail transport, and a rule.
import type { AppContext } from '../../../src/context.ts';
import { createChannel } from '../../../src/alerts/channels/repo.ts';
import { createPerson, createTeam } from '../../../src/alerts/roster/people.ts';
import { createShift } from '../../../src/alerts/roster/shifts.ts';
import { createRule } from '../../../src/alerts/rules/repo.ts';
import { ruleCreateSchema } from '../../../src/alerts/rules/schema.ts';
import { putSettings } from '../../../src/alerts/settings.ts';

export const WEBHOOK_SECRET = 'test-webhook-secret';

export interface Duty {
  teamId: number;
  primaryId: number;
  backupId: number;
  chiefId: number;
  leaderId: number;
  webhookChannelId: number;
  emailChannelId: number | null;
  shiftId: number;
}

/** Create the team; `webhookUrl` is the primary's personal webhook, `smtpPort` the office mail server. */
export async function createDuty(ctx: AppContext, o: { webhookUrl: string; smtpPort?: number; backupWebhookUrl?: string }): Promise<Duty> {
  await putSettings(ctx, { public_url: 'http://yuqing.test', retry_base_seconds: 30, max_attempts: 3 });
  const email = o.smtpPort === undefined ? null : await createChannel(ctx, {
    name: '办公室邮件', kind: 'email', enabled: true, settings: { host: '127.0.0.1', port: o.smtpPort, secure: false, from: '舆情值班 <yuqing@county.example.cn>' }, secrets: {},
  });
  const hook = await createChannel(ctx, { name: '张伟的接收端', kind: 'webhook', enabled: true, settings: { url: `${o.webhookUrl}/hook/primary` }, secrets: { secret: WEBHOOK_SECRET } });
  const backupHook = o.backupWebhookUrl
    ? await createChannel(ctx, { name: '李娜的接收端', kind: 'webhook', enabled: true, settings: { url: `${o.backupWebhookUrl}/hook/backup` }, secrets: { secret: WEBHOOK_SECRET } })
    : null;
  const person = (name: string, extra: Record<string, unknown> = {}) => createPerson(ctx, { name, title: '', phone: null, email: null, channel_ids: [], quiet_hours: null, ...extra });
  const primary = await person('张伟', { email: 'zhangwei@county.example.cn', channel_ids: [hook.id] });
  const backup = await person('李娜', { email: 'lina@county.example.cn', channel_ids: backupHook ? [backupHook.id] : [] });
  const chief = await person('王科长', { title: '科长' });
  const leader = await person('赵主任', { title: '分管领导' });
  const team = await createTeam(ctx, { name: '网信值班组', chief_id: chief.id, leader_id: leader.id, policy_id: null });
  const shift = await createShift(ctx, {
    team_id: team.id, label: '全天', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'], start: '00:00', end: '00:00', primary_id: primary.id, backup_id: backup.id,
  });
  return { teamId: team.id, primaryId: primary.id, backupId: backup.id, chiefId: chief.id, leaderId: leader.id, webhookChannelId: hook.id, emailChannelId: email?.id ?? null, shiftId: shift.id };
}

/** Save a rule from a loose payload (validated like the API does). */
export async function addRule(ctx: AppContext, payload: Record<string, unknown>): Promise<number> {
  return (await createRule(ctx, ruleCreateSchema.parse(payload))).id;
}
