// Turns "notify these people and channels" into delivery rows in the outbox (never sends inline). Per
// person: in-app, e-mail and SMS through the office's transports, and their own robot/webhook channels.
// Low-severity deliveries are held for the digest or until the person's quiet hours end (not inside a
// key period); the outbox releases them later (delivery/held.ts).
import type { AppContext } from '../../context.ts';
import { ackUrl } from '../ack-token.ts';
import type { Message, MessageKind } from '../message.ts';
import { isLowSeverity, severityRank, type Severity } from '../severity.ts';
import { getSettings } from '../settings.ts';
import type { AlertsDb, DeliveryStatus, PersonRow } from '../tables.ts';
import { nextDigestAt, quietUntil } from './quiet.ts';

export interface NotifyRequest {
  alertId: number | null;
  kind: MessageKind;
  severity: Severity;
  /** Builds the message for one recipient (the ack link differs per person). */
  message: (ackLink: string | null) => Message;
  persons: PersonRow[];
  channelIds: number[];
  at: number;
  /** The rule bundles its low-severity alerts into the digest. */
  digest: boolean;
  inKeyPeriod: boolean;
  /** With no person and no channel, leave an in-app notification for everyone. */
  broadcastIfNobody: boolean;
}

interface Row {
  channel_kind: string;
  channel_id: number | null;
  person_id: number | null;
  address: string | null;
  message: Message;
  holdUntil: number | null;
}

/** Insert the deliveries of one notification; returns their ids. */
export async function enqueueNotifications(ctx: AppContext, db: AlertsDb, req: NotifyRequest): Promise<number[]> {
  const settings = await getSettings(ctx, db);
  const low = isLowSeverity(req.severity);
  const digestHold = low && req.digest ? nextDigestAt(req.at, settings.digest_every_minutes) : null;
  const link = (personId: number) => (req.alertId === null ? null : ackUrl(ctx.config, settings.public_url, req.alertId, personId, req.at));
  const channels = await db.selectFrom('channels').selectAll().where('enabled', '=', 1).execute();
  const byId = new Map(channels.map((c) => [c.id, c]));
  const email = channels.find((c) => c.kind === 'email');
  const sms = channels.find((c) => c.kind === 'sms');
  const rows: Row[] = [];
  for (const p of req.persons) {
    const m = req.message(link(p.id));
    const quiet = low && !req.inKeyPeriod ? quietUntil(p, req.at, ctx.config.timezone) : null;
    const hold = maxOrNull(digestHold, quiet);
    rows.push({ channel_kind: 'inapp', channel_id: null, person_id: p.id, address: null, message: m, holdUntil: null });
    if (email && p.email) rows.push({ channel_kind: 'email', channel_id: email.id, person_id: p.id, address: p.email, message: m, holdUntil: hold });
    const smsMin = (sms ? (JSON.parse(sms.settings_json) as { min_severity?: string }).min_severity : undefined) ?? 'major';
    if (sms && p.phone && severityRank(req.severity) >= severityRank(smsMin)) {
      rows.push({ channel_kind: 'sms', channel_id: sms.id, person_id: p.id, address: p.phone, message: m, holdUntil: hold });
    }
    for (const cid of JSON.parse(p.channel_ids_json) as number[]) {
      const c = byId.get(cid);
      if (c) rows.push({ channel_kind: c.kind, channel_id: c.id, person_id: p.id, address: null, message: m, holdUntil: hold });
    }
  }
  for (const cid of req.channelIds) {
    const c = byId.get(cid);
    if (c) rows.push({ channel_kind: c.kind, channel_id: c.id, person_id: null, address: null, message: req.message(link(0)), holdUntil: digestHold });
  }
  if (rows.length === 0 && req.broadcastIfNobody) {
    rows.push({ channel_kind: 'inapp', channel_id: null, person_id: null, address: null, message: req.message(link(0)), holdUntil: null });
  }
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('deliveries')
    .values(rows.map((r) => ({
      alert_id: req.alertId, kind: req.kind, channel_kind: r.channel_kind, channel_id: r.channel_id, person_id: r.person_id,
      address: r.address, severity: req.severity, message_json: JSON.stringify(r.message),
      status: (r.holdUntil !== null ? 'held' : 'pending') as DeliveryStatus, attempts: 0, max_attempts: settings.max_attempts,
      next_attempt_at: r.holdUntil ?? req.at, claimed_until: null, claimed_by: null, last_error: null, bundle_id: null,
      sent_at: null, created_at: req.at, updated_at: req.at,
    })))
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
