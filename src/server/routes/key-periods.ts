// Key periods (重点时段) API: windows in which listed sources (or sources of listed topics) are polled
// faster. The scheduler reads them on every pass, so changes take effect without a restart.
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { parseOrThrow } from '../../collect/register/parse.ts';
import { keyPeriodCreateSchema, keyPeriodUpdateSchema } from '../../collect/key-periods/schema.ts';
import { createKeyPeriod, deleteKeyPeriod, getKeyPeriod, keyPeriodToJson, listKeyPeriods, updateKeyPeriod } from '../../collect/key-periods/repo.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.post('/key-periods', async (req, reply) => {
    const row = await createKeyPeriod(ctx, parseOrThrow(keyPeriodCreateSchema, req.body));
    return reply.status(201).send(keyPeriodToJson(row, ctx.clock.now()));
  });
  app.get('/key-periods', async () => ({ key_periods: (await listKeyPeriods(ctx)).map((r) => keyPeriodToJson(r, ctx.clock.now())) }));
  app.get('/key-periods/:id', async (req) => keyPeriodToJson(await getKeyPeriod(ctx, parseOrThrow(idParam, req.params).id), ctx.clock.now()));
  app.put('/key-periods/:id', async (req) => {
    const { id } = parseOrThrow(idParam, req.params);
    return keyPeriodToJson(await updateKeyPeriod(ctx, id, parseOrThrow(keyPeriodUpdateSchema, req.body)), ctx.clock.now());
  });
  app.delete('/key-periods/:id', async (req, reply) => {
    await deleteKeyPeriod(ctx, parseOrThrow(idParam, req.params).id);
    return reply.status(204).send();
  });
};

export default routes;
