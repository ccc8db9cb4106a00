// Resolves escalation targets (primary, backup, chief, leader, person:ID, channel:ID) for a team at an
// instant into people and channels; the roster is read live, so a swap made after an alert fired still
// decides who gets its next step.
import type { Target } from '../escalation/policy.ts';
import { onDuty } from '../roster/on-duty.ts';
import type { AlertsDb, PersonRow } from '../tables.ts';

export interface Recipients {
  persons: PersonRow[];
  channelIds: number[];
  /** Targets that resolved to nobody (no team, no shift now, no chief named…). */
  unresolved: Target[];
}

/** Who the targets mean for `teamId` at `at`. */
export async function resolveTargets(db: AlertsDb, tz: string, teamId: number | null, targets: readonly Target[], at: number): Promise<Recipients> {
  const out: Recipients = { persons: [], channelIds: [], unresolved: [] };
  const personIds: number[] = [];
  const needsDuty = targets.some((t) => t === 'primary' || t === 'backup');
  const duty = needsDuty && teamId !== null ? await onDuty(db, teamId, at, tz) : null;
  const needsTeam = targets.some((t) => t === 'chief' || t === 'leader');
  const team = needsTeam && teamId !== null ? await db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst() : undefined;
  for (const t of targets) {
    let id: number | null = null;
    if (t === 'primary') id = duty?.primary?.id ?? null;
    else if (t === 'backup') id = duty?.backup?.id ?? null;
    else if (t === 'chief') id = team?.chief_id ?? null;
    else if (t === 'leader') id = team?.leader_id ?? null;
    else if (t.startsWith('person:')) id = Number(t.slice(7));
    else if (t.startsWith('channel:')) {
      out.channelIds.push(Number(t.slice(8)));
      continue;
    }
    if (id === null) out.unresolved.push(t);
    else personIds.push(id);
  }
  const unique = [...new Set(personIds)];
  if (unique.length) {
    const rows = new Map((await db.selectFrom('people').selectAll().where('id', 'in', unique).execute()).map((p) => [p.id, p]));
    for (const id of unique) {
      const p = rows.get(id);
      if (p) out.persons.push(p);
    }
  }
  out.channelIds = [...new Set(out.channelIds)];
  return out;
}
