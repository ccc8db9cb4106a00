// GET /api/similar-groups/:id — a near-duplicate group: its size (转载数 = size − 1), its first publisher
// (首发) and its members in publication order, paged with ?limit=&offset=.
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { YqError } from '../../errors.ts';
import { getGroup, groupMembers, groupSummaries, type GroupMember } from '../../dedup/groups.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

function memberJson(m: GroupMember) {
  return {
    id: m.id,
    title: m.title,
    url: m.url,
    source: m.source,
    author: m.author,
    platform: m.platform,
    published_at: new Date(m.publishedAt).toISOString(),
  };
}

const routes: RoutePlugin = async (app, { ctx }) => {
  app.get('/similar-groups/:id', async (req) => {
    const p = idParam.safeParse(req.params);
    if (!p.success) throw new YqError('YQ_ERR_VALIDATION', 'id must be a positive integer');
    const q = pageQuery.safeParse(req.query);
    if (!q.success) {
      const issue = q.error.issues[0];
      const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : String(issue?.path[0] ?? 'query');
      throw new YqError('YQ_ERR_VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`);
    }
    const group = await getGroup(ctx.store.db, p.data.id);
    if (!group) throw new YqError('YQ_ERR_NOT_FOUND', `similar group ${p.data.id}`);
    const members = await groupMembers(ctx.store.db, group.id, q.data);
    const first = (await groupSummaries(ctx.store.db, [group.id])).get(group.id)?.first;
    return {
      id: group.id,
      size: group.size,
      reposts: group.size - 1,
      first_item_id: group.firstItemId,
      first: first ? memberJson(first) : null,
      updated_at: new Date(group.updatedAt).toISOString(),
      members: members.map(memberJson),
    };
  });
};

export default routes;
