// GET /api/search: full-text search with filters, newest-first or by relevance, cursor pagination.
import type { RoutePlugin } from '../route.ts';
import { parseSearchRequest } from '../../search/request.ts';
import { search } from '../../search/search.ts';

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/search', async (req) => search(ctx, parseSearchRequest(req.query)));
};

export default routes;
