// POST /api/items (batch ingest, idempotent) and GET /api/items/:id (with its analysis and matched topics).
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { YqError } from '../../errors.ts';
import { getItems, itemToJson } from '../../store/items.ts';
import { getAnalysis } from '../../analysis/store.ts';

const MAX_BATCH = 5000;
const idParam = z.object({ id: z.coerce.number().int().positive() });

const routes: RoutePlugin = async (app, { ctx }) => {
  app.post('/items', async (req, reply) => {
    const body = req.body;
    const batch = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : null;
    if (!batch) throw new YqError('YQ_ERR_VALIDATION', 'expected a JSON array of items (or one item object)');
    if (batch.length > MAX_BATCH) throw new YqError('YQ_ERR_BODY_TOO_LARGE', `at most ${MAX_BATCH} items per request, got ${batch.length}`);
    const summary = await ingest(ctx, batch);
    // 200 even when some lines were rejected: each line says what happened to it. 400 when nothing was usable.
    const status = summary.rejected === batch.length && batch.length > 0 ? 400 : summary.added > 0 ? 201 : 200;
    return reply.status(status).send(summary);
  });

  app.get('/items/:id', async (req) => {
    const p = idParam.safeParse(req.params);
    if (!p.success) throw new YqError('YQ_ERR_VALIDATION', 'id must be a positive integer');
    const id = p.data.id;
    const [row] = await getItems(ctx.store.db, [id]);
    if (!row) throw new YqError('YQ_ERR_NOT_FOUND', `item ${id}`);
    const analysis = (await getAnalysis(ctx.store.db, [id])).get(id);
    const topics = await ctx.store.db.selectFrom('item_topics').innerJoin('topics', 'topics.id', 'item_topics.topic_id')
      .select(['topics.id', 'topics.name']).where('item_topics.item_id', '=', id).orderBy('topics.id').execute();
    return { ...itemToJson(row), ...(analysis ?? {}), topics };
  });
};

export default routes;
