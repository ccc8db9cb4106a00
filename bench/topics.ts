// Topic matching figures: compile time of 1,000 topics (from real place names and topic words) and
// match throughput over the shared benchmark corpus (real posts and headlines, 200–800 characters).
import path from 'node:path';
import { TopicMatcher } from '../src/topics/matcher.ts';
import { SEED_VARIANTS } from '../src/topics/seed-variants.ts';
import { normalise } from '../src/text/normalise.ts';
import { generateTopics, placeNames } from '../test/topics/generate.ts';
import { corpusItem, SHARED_DATA } from './_corpus.ts';

const DATA = SHARED_DATA;

/** Run the topics benchmark; `quick` uses fewer items. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const rules = generateTopics(1000, placeNames(path.join(DATA, 'regions'))).map((expression, i) => ({ id: i + 1, expression }));
  const compileMs: number[] = [];
  let matcher: TopicMatcher | null = null;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    matcher = TopicMatcher.compile(rules, SEED_VARIANTS);
    compileMs.push(performance.now() - t);
  }
  const items = Array.from({ length: opts.quick ? 3000 : 30_000 }, (_, i) => {
    const it = corpusItem(i);
    return normalise(`${it.title}\n${it.content}`);
  });
  const chars = items.reduce((a, t) => a + t.length, 0);
  for (const t of items.slice(0, 500)) matcher!.match(t); // warm up the JIT
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let matches = 0;
  for (const t of items) matches += matcher!.match(t).length;
  const ms = performance.now() - t0;
  // CPU time too: on a busy shared machine wall time mostly measures the other processes.
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  compileMs.sort((a, b) => a - b);
  return {
    topic_compile_ms_1000: Math.round(compileMs[1]!),
    topic_match_items_per_s: Math.round((items.length / ms) * 1000),
    topic_match_items_per_cpu_s: Math.round((items.length / cpuMs) * 1000),
    topic_match_mchars_per_s: Math.round((chars / ms / 1000) * 100) / 100,
    topic_matches_per_item: Math.round((matches / items.length) * 100) / 100,
    topic_patterns_1000: matcher!.patternCount,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') })));
}
