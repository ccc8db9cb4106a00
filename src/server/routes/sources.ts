// Source register API: CRUD, health, test (preview without storing), captures (evidence) and the
// push endpoint of push-kind sources.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { RoutePlugin } from '../route.ts';
import type { AppContext } from '../../context.ts';
import { YqError } from '../../errors.ts';
import { parseOrThrow } from '../../collect/register/parse.ts';
import { SOURCE_KINDS, sourceCreateSchema, sourceUpdateSchema } from '../../collect/register/schema.ts';
import { createSource, deleteSource, getSource, listSources, sourceToJson, updateSource } from '../../collect/register/repo.ts';
import { previewSource } from '../../collect/register/preview.ts';
import { authorisePush, receivePush } from '../../collect/register/push.ts';
import { sourceHealth } from '../../collect/health/report.ts';
import { getCapture, listCaptures } from '../../collect/evidence/query.ts';
import { getBlob } from '../../collect/evidence/blobs.ts';
import { collectDb } from '../../collect/register/tables.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();
const captureParam = z.object({ id: z.coerce.number().int().positive(), captureId: z.coerce.number().int().positive() }).strict();
const listQuery = z
  .object({ kind: z.enum(SOURCE_KINDS).optional(), enabled: z.enum(['true', 'false']).optional(), region: z.string().optional(), tag: z.string().optional() })
  .strict();
const capturesQuery = z
  .object({ item_id: z.coerce.number().int().positive().optional(), before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(1000).optional() })
  .strict();
const testBody = z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict().optional();

/** The push endpoint keeps the raw request body as evidence, so it parses JSON itself. */
async function pushRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/x-ndjson'], { parseAs: 'buffer' }, (_req, body, done) => {
    const raw = body as Buffer;
    try {
      const text = raw.toString('utf8');
      const parsed: unknown = _req.headers['content-type']?.includes('ndjson')
        ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown)
        : JSON.parse(text);
      done(null, { raw, parsed });
    } catch (e) {
      done(new YqError('YQ_ERR_BAD_JSON', (e as Error).message), undefined);
    }
  });
  app.post('/sources/:id/push', async (req, reply) => {
    const { id } = parseOrThrow(idParam, req.params);
    const source = await getSource(ctx, id).catch(() => null);
    if (!source) throw new YqError('YQ_ERR_UNAUTHORIZED', 'a valid "Authorization: Bearer <push token>" for this source is required');
    authorisePush(source, req.headers.authorization);
    const { raw, parsed } = (req.body ?? {}) as { raw?: Buffer; parsed?: unknown };
    const batch = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : null;
    if (!batch || !raw) throw new YqError('YQ_ERR_VALIDATION', 'expected a JSON array of items (or one item object)');
    const summary = await receivePush(ctx, source, batch, raw, req.headers['content-type'] ?? 'application/json');
    const status = summary.rejected === batch.length && batch.length > 0 ? 400 : summary.added > 0 ? 201 : 200;
    return reply.status(status).send(summary);
  });
}

const routes: RoutePlugin = async (app, { ctx }) => {
  app.post('/sources', async (req, reply) => {
    const { source, pushToken } = await createSource(ctx, parseOrThrow(sourceCreateSchema, req.body));
    return reply.status(201).send({ ...sourceToJson(source), ...(pushToken ? { push_token: pushToken } : {}) });
  });

  app.get('/sources', async (req) => {
    const q = parseOrThrow(listQuery, req.query);
    const rows = await listSources(ctx, { ...q, enabled: q.enabled === undefined ? undefined : q.enabled === 'true' });
    const states = await collectDb(ctx.store.db).selectFrom('source_state').select(['source_id', 'healthy', 'last_success_at', 'last_error', 'consecutive_failures']).execute();
    const byId = new Map(states.map((s) => [s.source_id, s]));
    return {
      sources: rows.map((r) => {
        const s = byId.get(r.id);
        return {
          ...sourceToJson(r),
          healthy: s ? Number(s.healthy) === 1 : true,
          last_success_at: s?.last_success_at ? new Date(Number(s.last_success_at)).toISOString() : null,
          last_error: s?.last_error ?? null,
          consecutive_failures: Number(s?.consecutive_failures ?? 0),
        };
      }),
    };
  });

  app.get('/sources/:id', async (req) => sourceToJson(await getSource(ctx, parseOrThrow(idParam, req.params).id)));

  app.put('/sources/:id', async (req) => {
    const { id } = parseOrThrow(idParam, req.params);
    const { source, pushToken } = await updateSource(ctx, id, parseOrThrow(sourceUpdateSchema, req.body));
    return { ...sourceToJson(source), ...(pushToken ? { push_token: pushToken } : {}) };
  });

  app.delete('/sources/:id', async (req, reply) => {
    await deleteSource(ctx, parseOrThrow(idParam, req.params).id);
    return reply.status(204).send();
  });

  app.get('/sources/:id/health', async (req) => {
    const s = await getSource(ctx, parseOrThrow(idParam, req.params).id);
    return sourceHealth(ctx, s.id, Number(s.created_at));
  });

  app.post('/sources/:id/test', async (req) => {
    const s = await getSource(ctx, parseOrThrow(idParam, req.params).id);
    const opts = parseOrThrow(testBody, req.body ?? undefined);
    if (s.kind === 'push' || !s.url) throw new YqError('YQ_ERR_VALIDATION', 'kind: a push source has nothing to fetch', { details: { field: 'kind' } });
    const r = await previewSource(ctx, {
      kind: s.kind as 'feed', url: s.url, settings: JSON.parse(s.settings_json) as Record<string, unknown>, platform: s.platform, timezone: s.timezone,
    }, s.key);
    return { ...r, items: r.items.slice(0, opts?.limit ?? r.items.length) };
  });

  app.get('/sources/:id/captures', async (req) => {
    const { id } = parseOrThrow(idParam, req.params);
    await getSource(ctx, id);
    const q = parseOrThrow(capturesQuery, req.query);
    return { captures: await listCaptures(ctx, { sourceId: id, itemId: q.item_id, beforeId: q.before, limit: q.limit }) };
  });

  app.get('/sources/:id/captures/:captureId', async (req, reply) => {
    const p = parseOrThrow(captureParam, req.params);
    const c = await getCapture(ctx, p.captureId);
    if (!c || c.source_id !== p.id) throw new YqError('YQ_ERR_NOT_FOUND', `capture ${p.captureId} of source ${p.id}`);
    const body = await getBlob(collectDb(ctx.store.db), c.sha256);
    if (!body) throw new YqError('YQ_ERR_NOT_FOUND', `body of capture ${c.id}`);
    const headers = JSON.parse(c.headers_json) as Record<string, string>;
    // Served as a download, never rendered in the app's origin (captured pages may carry scripts).
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="capture-${c.id}"`)
      .header('x-original-content-type', headers['content-type'] ?? '')
      .header('x-capture-sha256', c.sha256)
      .header('x-captured-at', new Date(Number(c.fetched_at)).toISOString())
      .header('x-captured-url', encodeURI(c.url))
      .send(body);
  });

  await app.register(async (child) => pushRoutes(child, ctx));
};

export default routes;
