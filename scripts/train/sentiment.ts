// `npm run train` part: trains the sentiment model from ../shared/data, writes it to
// src/analysis/sentiment/model/ with MODEL.md, and returns the eval figures of the new model.
import fs from 'node:fs';
import path from 'node:path';
import { MODEL_DIR, writeModel } from '../../src/analysis/sentiment/model.ts';
import { trainSentiment } from '../../src/analysis/sentiment/train/train.ts';
import { evaluateSentiment } from '../../src/analysis/sentiment/train/evaluate.ts';
import { modelNote } from '../../src/analysis/sentiment/train/model-note.ts';

/** Train, write the model and its note; deterministic (fixed seeds, hash split). */
export async function run(opts: { dataDir?: string; quick?: boolean } = {}): Promise<Record<string, number>> {
  const log = (m: string) => process.stderr.write(`sentiment train: ${m}\n`);
  const t0 = Date.now();
  const report = trainSentiment(opts.dataDir, log);
  writeModel(report.model);
  log(`model written to ${MODEL_DIR} in ${((Date.now() - t0) / 1000).toFixed(1)} s; evaluating`);
  const figures = evaluateSentiment({ dataDir: opts.dataDir, model: report.model, log });
  fs.writeFileSync(path.join(MODEL_DIR, 'MODEL.md'), modelNote(report, figures));
  return { sentiment_train_s: (Date.now() - t0) / 1000, ...figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 1));
}
