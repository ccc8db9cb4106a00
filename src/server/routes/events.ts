// Events API: list with filters, one event with its series and forecast, operator merge and split.
import type { RoutePlugin } from '../route.ts';
import { eventDetail, listEvents, mergeEvent, splitEvent } from '../../events/api/service.ts';
import {
  eventIdParamSchema,
  eventListQuerySchema,
  eventMergeSchema,
  eventSplitSchema,
  parseEventPayload,
} from '../../events/api/schemas.ts';

/** Who made an operator decision; the auth layer, when it lands, should supply the user. */
const ACTOR = 'api';

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/events', async (req) => listEvents(ctx, parseEventPayload(eventListQuerySchema, req.query)));

  app.get('/events/:id', async (req) => {
    const { id } = parseEventPayload(eventIdParamSchema, req.params);
    return eventDetail(ctx, id);
  });

  app.post('/events/:id/merge', async (req) => {
    const { id } = parseEventPayload(eventIdParamSchema, req.params);
    const { into } = parseEventPayload(eventMergeSchema, req.body);
    return mergeEvent(ctx, id, into, ACTOR);
  });

  app.post('/events/:id/split', async (req, reply) => {
    const { id } = parseEventPayload(eventIdParamSchema, req.params);
    const { item_ids } = parseEventPayload(eventSplitSchema, req.body);
    return reply.status(201).send(await splitEvent(ctx, id, item_ids, ACTOR));
  });
};

export default routes;
