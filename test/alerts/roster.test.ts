import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testContext } from '../helpers/context.ts';
import { buildServer } from '../../src/server/app.ts';

// Office time is Asia/Shanghai (UTC+8): `cst('2026-11-23 10:00')` is that wall-clock time there.
const cst = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`).toISOString();

test('roster: who is on duty by weekday and hour, across midnight, on holidays and make-up days, and with a swap', async () => {
  const ctx = await testContext();
  const app = await buildServer(ctx);
  try {
    const post = async (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
      const r = await app.inject({ method, url, payload });
      assert.ok(r.statusCode < 300, `${url}: ${r.body}`);
      return r.json() as { id: number };
    };
    const [day, dayBackup, night, nightBackup, holiday, stand] = await Promise.all(['白班甲', '白班乙', '夜班甲', '夜班乙', '假日班', '替班'].map((name) => post('/api/people', { name })));
    const team = await post('/api/teams', { name: '舆情值班' });
    const dayShift = await post('/api/shifts', { team_id: team.id, label: '白班', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:30', primary_id: day!.id, backup_id: dayBackup!.id });
    await post('/api/shifts', { team_id: team.id, label: '夜班', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '17:30', end: '08:30', primary_id: night!.id, backup_id: nightBackup!.id });
    await post('/api/shifts', { team_id: team.id, label: '假日白班', days: ['sat', 'sun', 'holiday'], start: '08:30', end: '17:30', primary_id: holiday!.id });
    await post('/api/roster/holidays', { date: '2026-10-01', name: '国庆节' }, 'PUT');
    await post('/api/roster/holidays', { date: '2026-10-11', name: '国庆调休', kind: 'workday', works_as: 'fri' }, 'PUT');

    const now = async (at: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/roster/now?team=${team.id}&at=${encodeURIComponent(cst(at))}` });
      assert.equal(r.statusCode, 200, r.body);
      const j = r.json() as { primary: { name: string } | null; backup: { name: string } | null; shift: { label: string } | null; date: string | null };
      return [j.shift?.label ?? null, j.primary?.name ?? null, j.backup?.name ?? null, j.date];
    };
    assert.deepEqual(await now('2026-11-23 10:00'), ['白班', '白班甲', '白班乙', '2026-11-23'], 'Monday morning');
    assert.deepEqual(await now('2026-11-23 17:30'), ['夜班', '夜班甲', '夜班乙', '2026-11-23'], 'the night shift starts at 17:30');
    assert.deepEqual(await now('2026-11-24 03:00'), ['夜班', '夜班甲', '夜班乙', '2026-11-23'], 'after midnight it is still Monday night\'s shift');
    assert.deepEqual(await now('2026-11-24 08:29'), ['夜班', '夜班甲', '夜班乙', '2026-11-23']);
    assert.deepEqual(await now('2026-11-22 11:00'), ['假日白班', '假日班', null, '2026-11-22'], 'Sunday');
    assert.deepEqual(await now('2026-10-01 11:00'), ['假日白班', '假日班', null, '2026-10-01'], 'a Thursday that is a holiday');
    assert.deepEqual(await now('2026-10-11 11:00'), ['白班', '白班甲', '白班乙', '2026-10-11'], 'a Sunday worked as a Friday (调休)');

    await post('/api/roster/swaps', { shift_id: dayShift.id, date: '2026-11-23', primary_id: stand!.id, reason: '白班甲参加培训' });
    assert.deepEqual(await now('2026-11-23 10:00'), ['白班', '替班', '白班乙', '2026-11-23'], 'the swap replaces the primary of that shift on that date only');
    assert.deepEqual(await now('2026-11-24 10:00'), ['白班', '白班甲', '白班乙', '2026-11-24']);
    const swaps = await app.inject({ method: 'GET', url: `/api/roster/swaps?team=${team.id}` });
    assert.equal(swaps.json().swaps[0].reason, '白班甲参加培训');

    const ho = await post('/api/roster/handovers', { team_id: team.id, from_person_id: day!.id, to_person_id: night!.id, note: '城东拆迁舆情持续关注' });
    assert.ok(ho.id > 0);
    assert.equal((await app.inject({ method: 'GET', url: `/api/roster/handovers?team=${team.id}` })).json().handovers[0].note, '城东拆迁舆情持续关注');

    const bad = await app.inject({ method: 'POST', url: '/api/shifts', payload: { team_id: team.id, days: ['mon'], start: '25:00', end: '08:00', primary_id: day!.id } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details.field, 'start');
    const missing = await app.inject({ method: 'POST', url: '/api/shifts', payload: { team_id: team.id, days: ['mon'], start: '08:00', end: '09:00', primary_id: 999 } });
    assert.equal(missing.json().error.details.field, 'primary_id');
    const defaultNow = await app.inject({ method: 'GET', url: `/api/roster/now?team=${team.id}` });
    assert.equal(defaultNow.json().primary.name, '白班甲', 'without ?at= it is the clock\'s now (Friday 10:00 office time)');
  } finally {
    await app.close();
    await ctx.cleanup();
  }
});
