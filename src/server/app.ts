// Builds the Fastify app: error handler, then every route module in routes/ mounted under /api.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorHandler } from './error-handler.ts';
import type { RoutePlugin } from './route.ts';

const ROUTES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'routes');

/** Load route modules in name order so the mount order is stable. */
async function loadRoutes(): Promise<{ name: string; plugin: RoutePlugin }[]> {
  const files = fs.readdirSync(ROUTES_DIR).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const out: { name: string; plugin: RoutePlugin }[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(ROUTES_DIR, f)).href)) as { default?: RoutePlugin };
    if (typeof mod.default !== 'function') throw new Error(`route module ${f} has no default export`);
    out.push({ name: f, plugin: mod.default });
  }
  return out;
}

/** Create the HTTP app (not yet listening). */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.maxBodyBytes,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: { code: 'YQ_ERR_NOT_FOUND', message: `no route ${req.method} ${req.url}`, message_zh: '资源不存在' } });
  });
  app.get('/healthz', async () => ({ ok: true }));
  for (const r of await loadRoutes()) {
    await app.register(r.plugin, { prefix: '/api', ctx });
  }
  return app;
}
