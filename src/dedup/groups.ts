// Similar-groups: joining one on ingest, and the reads other parts need (首发 and 转载数 displays).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface SimilarGroup {
  id: number;
  /** The earliest published member (首发). */
  firstItemId: number;
  /** Number of members (the group's 转载数 is size − 1). */
  size: number;
  updatedAt: number;
}

export interface GroupMember {
  id: number;
  title: string;
  url: string | null;
  source: string | null;
  author: string | null;
  platform: string;
  publishedAt: number;
}

/**
 * Put `item` into the group of `match` (creating the group when `match` has none) and return the
 * group id. The group's first item stays its earliest published member even when an older repost
 * arrives later; on equal times the member filed first keeps the place.
 */
export async function joinGroup(
  db: Kysely<Database>,
  item: { id: number; publishedAt: number },
  match: { itemId: number; publishedAt: number },
  now: number,
): Promise<number> {
  const m = await db.selectFrom('items').select('similar_group_id').where('id', '=', match.itemId).executeTakeFirstOrThrow();
  if (m.similar_group_id === null) {
    const first = item.publishedAt < match.publishedAt ? item.id : match.itemId;
    const g = await db
      .insertInto('similar_groups')
      .values({ first_item_id: first, size: 2, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('items').set({ similar_group_id: g.id }).where('id', '=', match.itemId).execute();
    return g.id;
  }
  const groupId = m.similar_group_id;
  const first = await db
    .selectFrom('similar_groups as g')
    .innerJoin('items as f', 'f.id', 'g.first_item_id')
    .select(['f.published_at'])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
  const becomesFirst = first === undefined || item.publishedAt < Number(first.published_at);
  await db
    .updateTable('similar_groups')
    .set((eb) => ({
      size: eb('size', '+', 1),
      updated_at: now,
      ...(becomesFirst ? { first_item_id: item.id } : {}),
    }))
    .where('id', '=', groupId)
    .execute();
  return groupId;
}

/** The group an item belongs to, or null when it has no near-duplicates. */
export async function similarGroupOf(db: Kysely<Database>, itemId: number): Promise<SimilarGroup | null> {
  const r = await db
    .selectFrom('items as i')
    .innerJoin('similar_groups as g', 'g.id', 'i.similar_group_id')
    .select(['g.id', 'g.first_item_id', 'g.size', 'g.updated_at'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  return r ? toGroup(r) : null;
}

/** A group by id, or null. */
export async function getGroup(db: Kysely<Database>, groupId: number): Promise<SimilarGroup | null> {
  const r = await db.selectFrom('similar_groups').select(['id', 'first_item_id', 'size', 'updated_at']).where('id', '=', groupId).executeTakeFirst();
  return r ? toGroup(r) : null;
}

/** Members of a group ordered by published time (首发 first), with source and author. */
export async function groupMembers(
  db: Kysely<Database>,
  groupId: number,
  page: { limit?: number; offset?: number } = {},
): Promise<GroupMember[]> {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'title', 'url', 'source_key', 'author', 'platform', 'published_at'])
    .where('similar_group_id', '=', groupId)
    .orderBy('published_at')
    .orderBy('id')
    .limit(page.limit ?? 1000)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    source: r.source_key,
    author: r.author,
    platform: r.platform,
    publishedAt: Number(r.published_at),
  }));
}

/** For list views: each group's size and first publisher, keyed by group id (one query for a page). */
export async function groupSummaries(
  db: Kysely<Database>,
  groupIds: number[],
): Promise<Map<number, { size: number; first: GroupMember }>> {
  const out = new Map<number, { size: number; first: GroupMember }>();
  const ids = [...new Set(groupIds)];
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('similar_groups as g')
    .innerJoin('items as f', 'f.id', 'g.first_item_id')
    .select(['g.id as group_id', 'g.size', 'f.id', 'f.title', 'f.url', 'f.source_key', 'f.author', 'f.platform', 'f.published_at'])
    .where('g.id', 'in', ids)
    .execute();
  for (const r of rows) {
    out.set(r.group_id, {
      size: r.size,
      first: { id: r.id, title: r.title, url: r.url, source: r.source_key, author: r.author, platform: r.platform, publishedAt: Number(r.published_at) },
    });
  }
  return out;
}

function toGroup(r: { id: number; first_item_id: number; size: number; updated_at: number }): SimilarGroup {
  return { id: r.id, firstItemId: r.first_item_id, size: r.size, updatedAt: Number(r.updated_at) };
}
