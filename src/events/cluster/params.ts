// Default clustering parameters. They are round values chosen from what the model means, not fitted to
// event ids: scripts/eval/events.ts reports the quality they give on the labelled Weibo events.
import type { ClusterParams } from './types.ts';

export const HOUR_MS = 3_600_000;

export const DEFAULT_PARAMS: ClusterParams = {
  // The sliding window of the issue: an event quiet for three days takes no more items.
  windowMs: 72 * HOUR_MS,
  // Reposts and comments of a story come in bursts of hours; six hours is one burst's scale.
  tauHours: 6,
  // Floor of the rate of new stories (score.ts estimates it from recent event births): a quiet stream
  // starts a new story every few days, 0.02 per hour.
  newEventRate: 0.02,
  // A story's opening burst is a few hours long: births over the last six hours give the current rate.
  birthWindowHours: 6,
  // e^5 ≈ 150: even the hottest burst gives up an item whose words say "different story" (about 15 unseen words).
  maxTimeLogOdds: 5,
  // A story start (a report, or a post others already reposted) tells its story in its own words; time
  // alone tips it only when the words are about even.
  reportMaxTimeLogOdds: 1,
  // Inside the window a quiet event still takes a follow-up whose words match it well (a few telling words).
  minTimeLogOdds: -6,
  // Comments use mostly everyday words: about a third of their words come from the story's vocabulary.
  alpha: 0.3,
  alphaRamp: 8,
  // One shared word multiplies the odds by at most e² ≈ 7: a single generic word (引发) cannot join two stories.
  maxTokenLlr: 2,
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
