// Variant dictionary (网言网语) API: list (optionally for one term), add, change, delete.
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { idParamSchema, parsePayload, variantCreateSchema, variantUpdateSchema } from '../../topics/schemas.ts';
import { addVariant, deleteVariant, listVariants, updateVariant } from '../../topics/variants.ts';

const listQuerySchema = z.object({ term: z.string().trim().min(1).max(100).optional() }).strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/variants', async (req) => {
    const { term } = parsePayload(listQuerySchema, req.query);
    return { variants: await listVariants(ctx, term) };
  });

  app.post('/variants', async (req, reply) => {
    const v = await addVariant(ctx, parsePayload(variantCreateSchema, req.body));
    return reply.status(201).send(v);
  });

  app.put('/variants/:id', async (req) => {
    const { id } = parsePayload(idParamSchema, req.params);
    return updateVariant(ctx, id, parsePayload(variantUpdateSchema, req.body));
  });

  app.delete('/variants/:id', async (req, reply) => {
    const { id } = parsePayload(idParamSchema, req.params);
    await deleteVariant(ctx, id);
    return reply.status(204).send();
  });
};

export default routes;
