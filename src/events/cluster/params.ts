// Default clustering parameters. They are round values chosen from what the model means, not fitted to
// event ids: scripts/eval/events.ts reports the quality they give on the labelled Weibo events.
import type { ClusterParams } from './types.ts';

export const HOUR_MS = 3_600_000;

export const DEFAULT_PARAMS: ClusterParams = {
  // The sliding window of the issue: an event quiet for three days takes no more items.
  windowMs: 72 * HOUR_MS,
  // Reposts and comments of a story come in bursts of hours; six hours is one burst's scale.
  tauHours: 6,
  // A quiet stream starts a new story every few days (0.02 per hour); busier streams also win on text.
  newEventRate: 0.02,
  // e^5 ≈ 150: even the hottest burst gives up an item whose words say "different story" (about 15 unseen words).
  maxTimeLogOdds: 5,
  // Inside the window a quiet event still takes a follow-up whose words match it well (two rare shared words).
  minTimeLogOdds: -6,
  // Comments use mostly everyday words: about a third of their words come from the story's vocabulary.
  alpha: 0.3,
  alphaRamp: 8,
  maxTokenLlr: 4,
  regionBonus: 1,
  maxTerms: 300,
  recentHours: 168,
  maxTermCandidates: 40,
  maxHotCandidates: 12,
};

/** Defaults overridden by the given values. */
export function clusterParams(over: Partial<ClusterParams> = {}): ClusterParams {
  return { ...DEFAULT_PARAMS, ...over };
}
