// Shapes shared by the in-memory clusterer and the stored (database) one: the generic item, an event's
// clustering state and the tuning parameters.
import type { Bag } from './tokens.ts';

/** What clustering needs of an item, whatever it came from (ingest, a JSONL file, a test). */
export interface ClusterItem {
  /** The caller's id (item row id, or line index offline). */
  id: number;
  externalId: string | null;
  parentExternalId: string | null;
  /** Epoch milliseconds. */
  publishedAt: number;
  /** Title and content; may be empty for a bare repost. */
  text: string;
  /** Keywords from the analysis stage, added to the text's own tokens. */
  keywords?: readonly string[] | undefined;
  /** Region codes mentioned (analysis stage). */
  regions?: readonly string[] | undefined;
  similarGroupId?: number | null | undefined;
  /** Reposts count, for choosing the title item and for the intensity the item announces. */
  reposts?: number | undefined;
  /** Comments count (the intensity the item announces). */
  comments?: number | undefined;
  /** True for a report (an item with a title: news, articles), which must earn its event with words. */
  isReport?: boolean | undefined;
  /** Heat weight of the item (heat.ts); 1 when absent. */
  weight?: number | undefined;
  /** Precomputed tokens (the ingest stage computes them in prepare()). */
  bag?: Bag | undefined;
  /** True when `text` already went through text/normalise.ts. */
  normalised?: boolean | undefined;
}

/** Volume and heat of one hour of an event. */
export interface HourCell {
  volume: number;
  heat: number;
  /** Items plus the replies and reposts they had drawn when collected: the activity they announce. */
  excite: number;
}

/** Everything the clustering decision needs to know about an event; serialisable (state-json.ts). */
export interface EventState {
  id: number;
  /** Bounded term counts (the centroid). Grows in place; pruning replaces the map (cluster/vocabulary.ts relies on it). */
  terms: Map<string, number>;
  /** Tokens absorbed in total, pruned ones included. */
  total: number;
  count: number;
  firstAt: number;
  lastAt: number;
  firstItemId: number;
  /** Recent hours only (hour index = floor(ms / 3.6e6)); the full series lives in the database. */
  hours: Map<number, HourCell>;
  regions: Map<string, number>;
  titleItemId: number | null;
  /** A few tokens of the title item, to re-score it against the moving centroid. */
  titleBag: Map<string, number>;
  titleBoost: number;
  /** True while the title item is a reply (any original post or report replaces it). */
  titleIsReply: boolean;
}

/** Tuning of the clustering model; defaults in params.ts say why each value. */
export interface ClusterParams {
  /** An event takes items until this long after its last item (and this long before its first). */
  windowMs: number;
  /** Time scale of an event's intensity kernel, hours. */
  tauHours: number;
  /** Floor of the rate of new stories, per hour: the intensity an event must beat on time alone. */
  newEventRate: number;
  /** Hours back over which event births estimate the current rate of new stories. */
  birthWindowHours: number;
  /** Upper bound of the time prior's log odds, so a burst cannot swallow an unrelated text. */
  maxTimeLogOdds: number;
  /** Upper bound of the time prior for story starts (policy.ts isStoryStart). */
  reportMaxTimeLogOdds: number;
  /** Lower bound of the time prior inside the window: a quiet event can still win on strong text. */
  minTimeLogOdds: number;
  /** Share of an event's own vocabulary in its items' words (the rest is everyday language). */
  alpha: number;
  /** Tokens an event must have seen before its vocabulary is trusted fully. */
  alphaRamp: number;
  /** Cap of one token's log-likelihood ratio. */
  maxTokenLlr: number;
  /** Log odds added per shared region code (at most two count). */
  regionBonus: number;
  /** Terms kept in a centroid. */
  maxTerms: number;
  /** Hours of series kept in the state. */
  recentHours: number;
  /** Candidate events fetched by shared terms, and by recent activity. */
  maxTermCandidates: number;
  maxHotCandidates: number;
}
