// The contract of a route module: src/server/routes/<resource>.ts default-exports a RoutePlugin.
// Routes are mounted under /api; each gets the AppContext in its options.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.ts';

export type RoutePlugin = FastifyPluginAsync<{ ctx: AppContext }>;
