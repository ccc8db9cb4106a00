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

/**
 * Items per CPU-second of `fn` over the inputs, after a warm-up. CPU time of this (single-threaded)
 * process rather than wall time, so other work on the machine does not count against the figure.
 */
function rate<T extends Input>(items: T[], fn: (it: T) => unknown): number {
  for (const it of items.slice(0, 300)) fn(it);
  const c0 = process.cpuUsage();
  for (const it of items) fn(it);
  const c = process.cpuUsage(c0);
  return items.length / ((c.user + c.system) / 1e6);
}

/** Run the analysis benchmark. */
export async function run(opts: { quick: boolean }): Promise<Record<string, number>> {
  const items = corpus(opts.quick ? 1000 : 5000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-analysis-'));
  try {
    const base: Analyzer = createAnalyzer({ dataDir, jurisdiction: [], riskTaxonomy: '' });
    const baseRate = rate(items, (it) => base.analyze(it));
    importGazetteer(path.join(SHARED_DATA, 'regions'), dataDir);
    const c0 = process.cpuUsage();
    const full = createAnalyzer({ dataDir, jurisdiction: ['450225'], riskTaxonomy: '' });
    const load = process.cpuUsage(c0);
    const fullRate = rate(items, (it) => full.analyze(it));
    const withWords = items.map((it) => ({ ...it, words: cutWords(`${it.title}\n${it.content}`) }));
    const taxonomy = compileTaxonomy(loadTaxonomy(taxonomyPath(null)));
    const us = (r: number) => Math.round(1e6 / r);
    return {
      analysis_items_per_s: Math.round(fullRate),
      analysis_base_gazetteer_items_per_s: Math.round(baseRate),
      analysis_mean_chars_per_item: Math.round(items.reduce((s, it) => s + it.norm.length, 0) / items.length),
      full_gazetteer_load_cpu_ms: Math.round((load.user + load.system) / 1000),
      sentiment_us_per_item: us(rate(items, (it) => classifySentiment(it.title ? `${it.title}\n${it.content}` : it.content))),
      keywords_us_per_item: us(rate(items, (it) => keywordsFromWords(cutWords(`${it.title}\n${it.content}`), it.title.length, 8))),
      // Words precomputed: the analyzer shares one jieba cut between keywords and regions.
      regions_full_us_per_item: us(rate(withWords, (it) => resolveRegions(full.regionIndex, it.norm, { jurisdiction: ['450225'], words: it.words }))),
      risks_us_per_item: us(rate(items, (it) => scoreRisks(taxonomy, it.norm))),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes('--quick') }).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
