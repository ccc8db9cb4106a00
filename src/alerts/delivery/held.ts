// Releases held deliveries whose time has come (digest boundary or end of quiet hours): a recipient's
// single held message goes out as it is, several are bundled into one digest message.
import { inTransaction } from '../tx.ts';
import type { Message } from '../message.ts';
import { subjectPrefix } from '../message.ts';
import { SEVERITIES, type Severity, severityRank } from '../severity.ts';
import type { AlertsDb, DeliveryRow } from '../tables.ts';

/** The digest message of several held messages. */
export function digestMessage(members: DeliveryRow[]): Message {
  const msgs = members.map((d) => JSON.parse(d.message_json) as Message);
  const top = msgs.reduce((s, m) => (severityRank(m.severity) > severityRank(s) ? m.severity : s), SEVERITIES[0] as Severity);
  return {
    kind: 'digest',
    severity: top,
    title: `${subjectPrefix('digest', top)}${msgs.length} 条预警`,
    lines: msgs.map((m, i) => `${i + 1}. ${m.title}${m.lines[1] ? `：${m.lines[1]}` : ''}${m.ack_url ? ` 确认：${m.ack_url}` : ''}`),
    items: msgs.flatMap((m) => m.items).slice(0, 10),
    alert_id: null,
    ack_url: null,
    data: { alert_ids: msgs.map((m) => m.alert_id) },
  };
}

const recipientKey = (d: DeliveryRow) => `${d.channel_kind}|${d.channel_id ?? ''}|${d.person_id ?? ''}|${d.address ?? ''}`;

/** Release due held deliveries; returns how many recipients got something queued. */
export async function releaseHeld(db: AlertsDb, now: number): Promise<number> {
  const due = await db.selectFrom('deliveries').selectAll().where('status', '=', 'held').where('next_attempt_at', '<=', now).orderBy('id').limit(2000).execute();
  const groups = new Map<string, DeliveryRow[]>();
  for (const d of due) {
    const list = groups.get(recipientKey(d)) ?? [];
    list.push(d);
    groups.set(recipientKey(d), list);
  }
  let released = 0;
  for (const members of groups.values()) {
    const ok = await inTransaction(db, async (trx) => {
      const ids = members.map((m) => m.id);
      if (members.length === 1) {
        const r = await trx.updateTable('deliveries').set({ status: 'pending', next_attempt_at: now, updated_at: now }).where('id', '=', ids[0]!).where('status', '=', 'held').executeTakeFirst();
        return Number(r.numUpdatedRows) === 1;
      }
      const r = await trx.updateTable('deliveries').set({ status: 'bundled', updated_at: now }).where('id', 'in', ids).where('status', '=', 'held').executeTakeFirst();
      // Another worker bundled some of them first: leave the rest to it.
      if (Number(r.numUpdatedRows) !== ids.length) throw new HeldRace();
      const first = members[0]!;
      const m = digestMessage(members);
      const digest = await trx.insertInto('deliveries').values({
        alert_id: null, kind: 'digest', channel_kind: first.channel_kind, channel_id: first.channel_id, person_id: first.person_id,
        address: first.address, severity: m.severity, message_json: JSON.stringify(m), status: 'pending', attempts: 0,
        max_attempts: first.max_attempts, next_attempt_at: now, claimed_until: null, claimed_by: null, last_error: null,
        bundle_id: null, sent_at: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.updateTable('deliveries').set({ bundle_id: digest.id }).where('id', 'in', ids).execute();
      return true;
    }).catch((err: unknown) => {
      if (err instanceof HeldRace) return false;
      throw err;
    });
    if (ok) released++;
  }
  return released;
}

class HeldRace extends Error {}
