// Topics (监测方案) API: CRUD, trying an expression on a text, a topic's matched items, backfill.
// A bad expression answers 400 YQ_ERR_TOPIC_SYNTAX with details { position, expected }.
import type { RoutePlugin } from '../route.ts';
import { backfillTopic } from '../../topics/backfill.ts';
import { topicItems } from '../../topics/items.ts';
import { testExpression } from '../../topics/registry.ts';
import {
  backfillSchema,
  idParamSchema,
  pageQuerySchema,
  parsePayload,
  topicCreateSchema,
  topicTestSchema,
  topicUpdateSchema,
} from '../../topics/schemas.ts';
import { createTopic, deleteTopic, requireTopic, topicToJson, updateTopic } from '../../topics/service.ts';
import { listTopicRows } from '../../topics/store.ts';

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/topics', async () => ({ topics: (await listTopicRows(ctx.store.db)).map(topicToJson) }));

  app.post('/topics', async (req, reply) => {
    const topic = await createTopic(ctx, parsePayload(topicCreateSchema, req.body));
    return reply.status(201).send(topic);
  });

  app.post('/topics/test', async (req) => {
    const body = parsePayload(topicTestSchema, req.body);
    return testExpression(ctx, body.expression, body.text);
  });

  app.get('/topics/:id', async (req) => {
    const { id } = parsePayload(idParamSchema, req.params);
    return topicToJson(await requireTopic(ctx, id));
  });

  app.put('/topics/:id', async (req) => {
    const { id } = parsePayload(idParamSchema, req.params);
    return updateTopic(ctx, id, parsePayload(topicUpdateSchema, req.body));
  });

  app.delete('/topics/:id', async (req, reply) => {
    const { id } = parsePayload(idParamSchema, req.params);
    await deleteTopic(ctx, id);
    return reply.status(204).send();
  });

  app.get('/topics/:id/items', async (req) => {
    const { id } = parsePayload(idParamSchema, req.params);
    const q = parsePayload(pageQuerySchema, req.query);
    return topicItems(ctx, id, q);
  });

  app.post('/topics/:id/backfill', async (req) => {
    const { id } = parsePayload(idParamSchema, req.params);
    const { days } = parsePayload(backfillSchema, req.body);
    return backfillTopic(ctx, id, { days });
  });
};

export default routes;
