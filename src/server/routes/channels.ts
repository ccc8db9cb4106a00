// Delivery channels API (webhook, WeCom/DingTalk/Feishu robots, SMS gateway, SMTP e-mail). Secrets are
// accepted on write and never returned: reads show `******` or the `env:NAME` reference.
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { idParam, parsePayload } from '../../alerts/parse.ts';
import { channelCreateSchema, channelUpdateSchema } from '../../alerts/channels/schema.ts';
import { channelToJson, createChannel, deleteChannel, getChannel, listChannels, updateChannel } from '../../alerts/channels/repo.ts';
import { sendTestMessage } from '../../alerts/channels/test-message.ts';

const testBody = z.object({ to: z.string().max(255).optional() }).strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.post('/channels', async (req, reply) => reply.status(201).send(await createChannel(ctx, parsePayload(channelCreateSchema, req.body))));
  app.get('/channels', async () => ({ channels: (await listChannels(ctx)).map(channelToJson) }));
  app.get('/channels/:id', async (req) => channelToJson(await getChannel(ctx, idParam(req.params))));
  app.put('/channels/:id', async (req) => updateChannel(ctx, idParam(req.params), parsePayload(channelUpdateSchema, req.body)));
  app.delete('/channels/:id', async (req, reply) => {
    await deleteChannel(ctx, idParam(req.params));
    return reply.status(204).send();
  });
  // Send a test message now (not through the queue) so a misconfiguration shows at once.
  app.post('/channels/:id/test', async (req) => {
    const b = parsePayload(testBody, req.body ?? {});
    await sendTestMessage(ctx, idParam(req.params), b.to);
    return { ok: true };
  });
};

export default routes;
