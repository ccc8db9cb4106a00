// Items per second through the whole per-item analysis (sentiment, keywords, regions, risks) on one core,
// over real texts: Weibo posts as content with news titles, as the ingest stage sees them. Measured with
// the shipped gazetteer and with the full national list imported (what a county office runs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnalyzer, type Analyzer } from '../src/analysis/analyzer.ts';
import { importGazetteer } from '../src/analysis/regions/import.ts';
import { classifySentiment } from '../src/analysis/sentiment/index.ts';
import { cutWords, keywordsFromWords } from '../src/analysis/keywords.ts';
import { resolveRegions } from '../src/analysis/regions/resolve.ts';
import { compileTaxonomy, scoreRisks } from '../src/analysis/risks.ts';
import { loadTaxonomy, taxonomyPath } from '../src/analysis/risk-taxonomy.ts';
import { normalise } from '../src/text/normalise.ts';
import { realTexts, SHARED_DATA } from './_corpus.ts';

interface Input {
  title: string;
  content: string;
  norm: string;
}

function corpus(n: number): Input[] {
  const { posts, titles } = realTexts();
  return Array.from({ length: n }, (_, i) => {
    const title = i % 3 === 0 ? '' : (titles[i % titles.length] ?? '');
    const content = posts[i % posts.length] ?? '';
    return { title, content, norm: normalise(`${title}\n${content}`) };
  });
}

/** Items per second of `fn` over the inputs, after a warm-up. */
function rate(items: Input[], fn: (it: Input) => unknown): number {
  for (const it of items.slice(0, 50)) fn(it);
  const t0 = performance.now();
  for (const it of items) fn(it);
  return items.length / ((performance.now() - t0) / 1000);
}

/** Run the analysis benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const items = corpus(opts.quick ? 1000 : 5000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-analysis-'));
  try {
    const base: Analyzer = createAnalyzer({ dataDir, jurisdiction: [], riskTaxonomy: '' });
    const baseRate = rate(items, (it) => base.analyze(it));
    importGazetteer(path.join(SHARED_DATA, 'regions'), dataDir);
    const t0 = performance.now();
    const full = createAnalyzer({ dataDir, jurisdiction: ['450225'], riskTaxonomy: '' });
    const indexMs = performance.now() - t0;
    const fullRate = rate(items, (it) => full.analyze(it));
    const taxonomy = compileTaxonomy(loadTaxonomy(taxonomyPath(null)));
    const us = (r: number) => Math.round(1e6 / r);
    return {
      analysis_items_per_s: Math.round(fullRate),
      analysis_base_gazetteer_items_per_s: Math.round(baseRate),
      analysis_mean_chars_per_item: Math.round(items.reduce((s, it) => s + it.norm.length, 0) / items.length),
      full_gazetteer_index_build_ms: Math.round(indexMs),
      sentiment_us_per_item: us(rate(items, (it) => classifySentiment(it.title ? `${it.title}\n${it.content}` : it.content))),
      keywords_us_per_item: us(rate(items, (it) => keywordsFromWords(cutWords(`${it.title}\n${it.content}`), it.title.length, 8))),
      regions_full_us_per_item: us(rate(items, (it) => resolveRegions(full.regionIndex, it.norm, { jurisdiction: ['450225'] }))),
      risks_us_per_item: us(rate(items, (it) => scoreRisks(taxonomy, it.norm))),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes('--quick') }).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
