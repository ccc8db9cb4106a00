// Duty roster (值班表) API: people, teams, shifts, swaps, holidays, handovers, escalation policies, and
// GET /api/roster/now?team= — who is on duty now (office time zone).
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { YqError } from '../../errors.ts';
import { idParam, parsePayload } from '../../alerts/parse.ts';
import { alertsDb } from '../../alerts/tables.ts';
import { handoverCreateSchema, holidayCreateSchema, personCreateSchema, personUpdateSchema, rosterNowQuerySchema, shiftCreateSchema, swapCreateSchema, teamCreateSchema, teamUpdateSchema } from '../../alerts/roster/schema.ts';
import { createPerson, createTeam, deletePerson, getPerson, getTeam, listPeople, listTeams, personToJson, teamToJson, updatePerson, updateTeam } from '../../alerts/roster/people.ts';
import { createHandover, createShift, createSwap, deleteHoliday, deleteShift, listHandovers, listHolidays, listShifts, listSwaps, putHoliday, shiftToJson } from '../../alerts/roster/shifts.ts';
import { onDuty } from '../../alerts/roster/on-duty.ts';
import { createPolicy, listPolicies, policyCreateSchema, policyUpdateSchema, updatePolicy } from '../../alerts/escalation/policy.ts';

const teamQuery = z.object({ team: z.coerce.number().int().positive().optional(), from: z.string().optional() }).strict();
const dateParam = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD') }).strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.post('/people', async (req, reply) => reply.status(201).send(await createPerson(ctx, parsePayload(personCreateSchema, req.body))));
  app.get('/people', async () => ({ people: (await listPeople(ctx)).map(personToJson) }));
  app.get('/people/:id', async (req) => personToJson(await getPerson(ctx, idParam(req.params))));
  app.put('/people/:id', async (req) => updatePerson(ctx, idParam(req.params), parsePayload(personUpdateSchema, req.body)));
  app.delete('/people/:id', async (req, reply) => {
    await deletePerson(ctx, idParam(req.params));
    return reply.status(204).send();
  });

  app.post('/teams', async (req, reply) => reply.status(201).send(teamToJson(await createTeam(ctx, parsePayload(teamCreateSchema, req.body)))));
  app.get('/teams', async () => ({ teams: (await listTeams(ctx)).map(teamToJson) }));
  app.get('/teams/:id', async (req) => teamToJson(await getTeam(ctx, idParam(req.params))));
  app.put('/teams/:id', async (req) => teamToJson(await updateTeam(ctx, idParam(req.params), parsePayload(teamUpdateSchema, req.body))));

  app.post('/shifts', async (req, reply) => reply.status(201).send(shiftToJson(await createShift(ctx, parsePayload(shiftCreateSchema, req.body)))));
  app.get('/shifts', async (req) => ({ shifts: (await listShifts(ctx, parsePayload(teamQuery, req.query).team)).map(shiftToJson) }));
  app.delete('/shifts/:id', async (req, reply) => {
    await deleteShift(ctx, idParam(req.params));
    return reply.status(204).send();
  });

  app.post('/roster/swaps', async (req, reply) => reply.status(201).send(await createSwap(ctx, parsePayload(swapCreateSchema, req.body), 'api')));
  app.get('/roster/swaps', async (req) => {
    const q = parsePayload(teamQuery, req.query);
    if (!q.team) throw new YqError('YQ_ERR_VALIDATION', 'team: required', { details: { field: 'team' } });
    return { swaps: await listSwaps(ctx, q.team, q.from) };
  });
  app.put('/roster/holidays', async (req) => putHoliday(ctx, parsePayload(holidayCreateSchema, req.body)));
  app.get('/roster/holidays', async () => ({ holidays: await listHolidays(ctx) }));
  app.delete('/roster/holidays/:date', async (req, reply) => {
    await deleteHoliday(ctx, parsePayload(dateParam, req.params).date);
    return reply.status(204).send();
  });
  app.post('/roster/handovers', async (req, reply) => reply.status(201).send(await createHandover(ctx, parsePayload(handoverCreateSchema, req.body))));
  app.get('/roster/handovers', async (req) => {
    const q = parsePayload(teamQuery, req.query);
    if (!q.team) throw new YqError('YQ_ERR_VALIDATION', 'team: required', { details: { field: 'team' } });
    return { handovers: await listHandovers(ctx, q.team) };
  });

  app.get('/roster/now', async (req) => {
    const q = parsePayload(rosterNowQuerySchema, req.query);
    await getTeam(ctx, q.team);
    const at = q.at ? Date.parse(q.at) : ctx.clock.now();
    if (!Number.isFinite(at)) throw new YqError('YQ_ERR_VALIDATION', 'at: expected an ISO 8601 instant', { details: { field: 'at' } });
    const d = await onDuty(alertsDb(ctx.store.db), q.team, at, ctx.config.timezone);
    return {
      team_id: d.team_id, at: new Date(at).toISOString(), timezone: ctx.config.timezone, date: d.date, day_kind: d.day_kind,
      shift: d.shift ? shiftToJson(d.shift) : null, swap_id: d.swap_id,
      primary: d.primary ? personToJson(d.primary) : null, backup: d.backup ? personToJson(d.backup) : null,
    };
  });

  app.post('/escalation-policies', async (req, reply) => reply.status(201).send(await createPolicy(ctx, parsePayload(policyCreateSchema, req.body))));
  app.get('/escalation-policies', async () => ({ policies: await listPolicies(ctx) }));
  app.put('/escalation-policies/:id', async (req) => updatePolicy(ctx, idParam(req.params), parsePayload(policyUpdateSchema, req.body)));
};

export default routes;
