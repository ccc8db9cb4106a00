// Alerts API: list and inspect alerts (evidence, log, deliveries), acknowledge (logged in, or through
// the signed link in a message), dead letters and their retry, in-app notifications, alert settings,
// and the situation-report settings of key periods.
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { YqError } from '../../errors.ts';
import { idParam, parsePayload } from '../../alerts/parse.ts';
import { acknowledgeAlert } from '../../alerts/ack.ts';
import { verifyAckToken } from '../../alerts/ack-token.ts';
import { alertDetail, alertToJson, deliveryToJson, listAlerts, listDeadLetters, listNotifications, markNotificationRead } from '../../alerts/queries.ts';
import { requeue } from '../../alerts/delivery/queue.ts';
import { wakeDeliveries } from '../../alerts/delivery/bus.ts';
import { alertsDb } from '../../alerts/tables.ts';
import { getSettings, putSettings, settingsSchema } from '../../alerts/settings.ts';
import { listReportConfigs, putReportConfig, reportConfigSchema, reportToJson } from '../../alerts/key-periods/report-config.ts';

const listQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional(),
}).strict();
const ackBody = z.object({ by: z.string().trim().min(1).max(100).default('api'), note: z.string().max(2000).default('') }).strict();
const ackLinkQuery = z.object({ token: z.string().min(1).max(200) }).strict();
const notificationsQuery = z.object({ person: z.coerce.number().int().positive().optional(), unread: z.enum(['1', 'true', '0', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }).strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/alerts', async (req) => {
    const q = parsePayload(listQuery, req.query);
    return { alerts: (await listAlerts(ctx, { status: q.status, limit: q.limit, beforeId: q.before })).map(alertToJson) };
  });
  app.get('/alerts/dead-letters', async () => ({ deliveries: (await listDeadLetters(ctx)).map(deliveryToJson) }));
  app.post('/alerts/dead-letters/:id/retry', async (req) => {
    const id = idParam(req.params);
    if (!(await requeue(alertsDb(ctx.store.db), id, ctx.clock.now()))) throw new YqError('YQ_ERR_CONFLICT', `delivery ${id} is not dead or failed (or does not exist)`);
    wakeDeliveries();
    return { id, status: 'pending' };
  });
  app.get('/alerts/:id', async (req) => alertDetail(ctx, idParam(req.params)));
  app.post('/alerts/:id/ack', async (req) => {
    const b = parsePayload(ackBody, req.body ?? {});
    const r = await acknowledgeAlert(ctx, idParam(req.params), b.by, b.note);
    return { ...alertToJson(r.alert), changed: r.changed };
  });
  // The link in a message: no login, the HMAC token says who it was sent to.
  app.get('/alerts/:id/ack', async (req, reply) => {
    const id = idParam(req.params);
    const q = parsePayload(ackLinkQuery, req.query);
    const who = verifyAckToken(ctx.config, id, q.token, ctx.clock.now());
    if (!who) throw new YqError('YQ_ERR_FORBIDDEN', 'acknowledgement link is invalid or expired');
    const r = await acknowledgeAlert(ctx, id, who.personId ? `link:person:${who.personId}` : 'link', 'acknowledged from the link in a message');
    const text = r.changed ? `预警 #${id} 已确认，升级提醒已停止。` : `预警 #${id} 此前已由 ${r.alert.acked_by ?? '他人'} 确认。`;
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>预警确认</title><p>${text}</p>`);
  });

  app.get('/notifications', async (req) => {
    const q = parsePayload(notificationsQuery, req.query);
    return { notifications: await listNotifications(ctx, { personId: q.person, unread: q.unread === '1' || q.unread === 'true', limit: q.limit }) };
  });
  app.post('/notifications/:id/read', async (req, reply) => {
    await markNotificationRead(ctx, idParam(req.params));
    return reply.status(204).send();
  });

  app.get('/alert-settings', async () => getSettings(ctx));
  app.put('/alert-settings', async (req) => putSettings(ctx, parsePayload(settingsSchema, req.body)));

  app.get('/situation-reports', async () => ({ situation_reports: (await listReportConfigs(ctx)).map(reportToJson) }));
  app.put('/key-periods/:id/situation-report', async (req) => reportToJson(await putReportConfig(ctx, idParam(req.params), parsePayload(reportConfigSchema, req.body))));
};

export default routes;
