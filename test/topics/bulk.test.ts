import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopicMatcher } from '../../src/topics/matcher.ts';
import { parseTopic } from '../../src/topics/parse.ts';
import { normalise } from '../../src/text/normalise.ts';
import { SEED_VARIANTS } from '../../src/topics/seed-variants.ts';
import { sharedData } from '../helpers/context.ts';
import { generateTopics, newsTitles, placeNames } from './generate.ts';
import { naiveMatch, variantMap } from './naive.ts';

test('1,000 compiled topics agree with a naive evaluator on real news titles', () => {
  const exprs = generateTopics(1000, placeNames(sharedData('regions')));
  const rules = exprs.map((expression, i) => ({ id: i + 1, expression }));
  const matcher = TopicMatcher.compile(rules, SEED_VARIANTS);
  assert.equal(matcher.topicCount, 1000);
  assert.deepEqual(matcher.invalid, []);
  const trees = rules.map((r) => parseTopic(r.expression));
  const variants = variantMap(SEED_VARIANTS);
  const titles = newsTitles(sharedData('headlines/thucnews-titles'), 2000);
  const byShape = [0, 0, 0, 0, 0, 0];
  let matches = 0;
  let itemsWithMatch = 0;
  for (const title of titles) {
    const norm = normalise(title);
    const got = matcher.match(norm);
    const want = trees.flatMap((t, i) => (naiveMatch(t, norm, variants) ? [i + 1] : []));
    assert.deepEqual(got, want, `title: ${title}`);
    matches += got.length;
    for (const id of got) byShape[(id - 1) % 6]!++;
    if (got.length) itemsWithMatch++;
  }
  // Not a vacuous comparison: a good share of the titles match something.
  assert.ok(itemsWithMatch > 300, `titles with a match: ${itemsWithMatch}`);
  assert.ok(matches > 500, `matches: ${matches}`);
  // Every generated shape (groups, and, proximity, exclusions, mixed) matched some titles.
  assert.ok(byShape.every((n) => n > 0), `matches per shape: ${byShape.join(',')}`);
});
