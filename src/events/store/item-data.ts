// What the stored events need of an item: identity, time, source, heat weight, tokens and the analysis
// results (sentiment, regions) when the analysis stage ran.
import type { Bag } from '../cluster/tokens.ts';
import type { TokenInfo } from '../cluster/token-info.ts';
import type { BatchOutline } from './session.ts';

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}

export interface EventItemData {
  id: number;
  externalId: string | null;
  parentExternalId: string | null;
  publishedAt: number;
  sourceKey: string | null;
  platform: string;
  /** Heat weight (heat.ts). */
  weight: number;
  reposts: number;
  comments: number;
  /** The text a title is cut from. */
  title: string;
  content: string;
  bag: Bag;
  /** The bag's token information, in the bag's order. */
  infos: readonly TokenInfo[];
  lookup: string[];
  titleWorthy: boolean;
  similarGroupId: number | null;
  sentiment: string | null;
  regions: RegionRef[];
  /** The batch the item was prepared with, when known (a session reads its vocabulary at once). */
  batch?: BatchOutline | undefined;
}

/** The event title an item gives: its title, or the start of its text. */
export function titleText(title: string, content: string): string {
  const t = title.trim();
  if (t) return t.slice(0, 200);
  const c = content.replace(/\s+/g, ' ').trim();
  return c.length > 80 ? `${c.slice(0, 80)}…` : c;
}
