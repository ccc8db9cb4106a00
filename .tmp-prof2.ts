import path from 'node:path';
import { TopicMatcher } from './src/topics/matcher.ts';
import { SEED_VARIANTS } from './src/topics/seed-variants.ts';
import { normalise } from './src/text/normalise.ts';
import { generateTopics, placeNames } from './test/topics/generate.ts';
import { corpusItem } from './bench/_corpus.ts';
const rules = generateTopics(1000, placeNames('/work/shared/data/regions')).map((expression, i) => ({ id: i + 1, expression }));
const m = TopicMatcher.compile(rules, SEED_VARIANTS);
const items = Array.from({ length: 5000 }, (_, i) => { const it = corpusItem(i); return normalise(`${it.title}\n${it.content}`); });
for (let k = 0; k < 3; k++) {
let t = performance.now(); const scans = items.map((x) => m.scan(x)); const ts = performance.now() - t;
t = performance.now(); let n = 0; for (const h of scans) n += m.matchHits(h).length; const te = performance.now() - t;
const ac = (m as unknown as { ac: { matchInText(s: string): unknown[] } }).ac;
t = performance.now(); let hh = 0; for (const x of items) hh += ac.matchInText(x).length; const ta = performance.now() - t;
console.log({ scanMs: ts, evalMs: te, acOnlyMs: ta, hits: hh / items.length, n });
}
