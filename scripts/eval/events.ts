// Event figures on the labelled CED Weibo cascades (../shared/data/events/weibo-ced/events.jsonl):
// BCubed clustering quality with reply links and on text and time alone (lines with ≥ 10 characters),
// next to the single-pass TF-IDF baseline; and the 24-hour forecast error of the blend the API shows
// (damped Holt + attention decay), of each part alone and of the Hawkes fit, next to the naive last-value
// baseline (MASE, 24-hour-total MAPE, 80 % interval coverage,
// trend judgement accuracy; see src/events/eval/forecasting.ts for the definitions).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCed } from '../../src/events/eval/ced.ts';
import { evalTextOnly, evalWithLinks, TEXT_ONLY_MIN_CHARS } from '../../src/events/eval/clustering.ts';
import { evalForecast } from '../../src/events/eval/forecasting.ts';
import { tfidfSinglePass } from '../../src/events/eval/baseline.ts';
import { bcubed } from '../../src/events/eval/bcubed.ts';

const DEFAULT_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/events/weibo-ced/events.jsonl');

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Run the events evaluation; `file` evaluates another file of the same form (held-out events). */
export async function run(opts: { quick: boolean; file?: string }): Promise<Record<string, number>> {
  const lines = loadCed(opts.file ?? DEFAULT_FILE);
  const links = evalWithLinks(lines);
  const text = evalTextOnly(lines);
  const kept = lines.filter((l) => [...l.text].length >= TEXT_ONLY_MIN_CHARS).sort((a, b) => a.t - b.t || a.index - b.index);
  const base = bcubed(kept.map((l) => l.event), tfidfSinglePass(kept.map((l) => l.text)));
  const f = evalForecast(lines);
  return {
    events_lines: lines.length,
    events_labels: new Set(lines.map((l) => l.event)).size,
    events_bcubed_precision_with_links: r3(links.precision),
    events_bcubed_recall_with_links: r3(links.recall),
    events_bcubed_f1_with_links: r3(links.f1),
    events_text_only_lines: text.lines,
    events_bcubed_precision_text_only: r3(text.precision),
    events_bcubed_recall_text_only: r3(text.recall),
    events_bcubed_f1_text_only: r3(text.f1),
    events_baseline_tfidf_f1_text_only: r3(base.f1),
    events_forecast_cuts: f.holt.cuts,
    events_forecast_mase_blend: r3(f.blend.mase),
    events_forecast_mase_holt: r3(f.holt.mase),
    events_forecast_mase_hawkes: r3(f.hawkes.mase),
    events_forecast_mase_naive: r3(f.naive.mase),
    events_forecast_total24_mape_pct_blend: Math.round(f.blend.totalMape * 10) / 10,
    events_forecast_total24_mape_pct_holt: Math.round(f.holt.totalMape * 10) / 10,
    events_forecast_total24_mape_pct_hawkes: Math.round(f.hawkes.totalMape * 10) / 10,
    events_forecast_total24_mape_pct_naive: Math.round(f.naive.totalMape * 10) / 10,
    events_forecast_coverage80_blend: r3(f.blend.coverage),
    events_forecast_coverage80_holt: r3(f.holt.coverage),
    events_forecast_coverage80_hawkes: r3(f.hawkes.coverage),
    events_forecast_trend_accuracy_blend: r3(f.blend.trendAccuracy),
    events_forecast_trend_accuracy_holt: r3(f.holt.trendAccuracy),
    events_forecast_trend_accuracy_hawkes: r3(f.hawkes.trendAccuracy),
    events_forecast_trend_accuracy_naive: r3(f.naive.trendAccuracy),
    events_forecast_trend_balanced_accuracy_blend: r3(f.blend.trendBalancedAccuracy),
    events_forecast_trend_balanced_accuracy_holt: r3(f.holt.trendBalancedAccuracy),
    events_forecast_trend_balanced_accuracy_hawkes: r3(f.hawkes.trendBalancedAccuracy),
    events_forecast_trend_balanced_accuracy_naive: r3(f.naive.trendBalancedAccuracy),
  };
}
