// 24-hour forecast by a discrete-time Hawkes (self-exciting) process on hourly item counts:
//   x_t ~ Poisson(μ + a·g_t),  g_t = Σ_{s<t} x_s (1 − e^{−β}) e^{−β(t−s−1)}
// a is the branching ratio (items each item triggers), β the decay per hour. μ and a are fitted by EM for
// each β of a small grid and the β with the best likelihood is kept; the interval comes from simulated
// paths (seeded, so the same series always gets the same interval). Heat is volume × recent heat per item.
import { judge, type Forecast } from './forecast.ts';

const BETAS = [0.05, 0.1, 0.2, 0.4, 0.8];
const MAX_BRANCHING = 0.98;
const PATHS = 300;
const MAX_HISTORY = 336;

interface HawkesFit {
  mu: number;
  a: number;
  beta: number;
  g: number;
  logLik: number;
}

function excitation(x: readonly number[], beta: number): number[] {
  const d = Math.exp(-beta);
  const g = new Array<number>(x.length).fill(0);
  for (let t = 1; t < x.length; t++) g[t] = d * g[t - 1]! + (1 - d) * x[t - 1]!;
  return g;
}

function fitBeta(x: readonly number[], beta: number): HawkesFit {
  const g = excitation(x, beta);
  // Conditional on the hours up to the busiest one: a cascade's opening burst is excited within the hour
  // by its root, which hourly bins cannot resolve; fitting it as background would make μ absurdly high.
  let start = 1;
  for (let t = 1; t < x.length; t++) if (x[t]! > x[start - 1]!) start = t + 1;
  start = Math.min(start, Math.max(1, x.length - 1));
  const n = Math.max(1, x.length - start);
  const total = x.slice(start).reduce((s, v) => s + v, 0);
  const gSum = g.slice(start).reduce((s, v) => s + v, 0);
  let mu = Math.max(1e-3, total / n / 2);
  let a = 0.5;
  for (let it = 0; it < 60; it++) {
    let bg = 0;
    let trig = 0;
    for (let t = start; t < x.length; t++) {
      if (x[t] === 0) continue;
      const r = mu / (mu + a * g[t]!);
      bg += x[t]! * r;
      trig += x[t]! * (1 - r);
    }
    mu = Math.max(1e-4, bg / n);
    a = gSum > 0 ? Math.min(MAX_BRANCHING, trig / gSum) : 0;
  }
  let logLik = 0;
  for (let t = start; t < x.length; t++) {
    const lam = mu + a * g[t]!;
    logLik += x[t]! * Math.log(lam) - lam;
  }
  const last = x.length - 1;
  const d = Math.exp(-beta);
  const gNext = last >= 0 ? d * g[last]! + (1 - d) * x[last]! : 0;
  return { mu, a, beta, g: gNext, logLik };
}

/** Fit the process to hourly counts (oldest first). */
export function fitHawkes(counts: readonly number[]): HawkesFit {
  let best: HawkesFit | null = null;
  for (const b of BETAS) {
    const f = fitBeta(counts, b);
    if (!best || f.logLik > best.logLik) best = f;
  }
  return best!;
}

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(lam: number, rnd: () => number): number {
  if (lam > 30) return Math.max(0, Math.round(lam + Math.sqrt(lam) * Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd())));
  const l = Math.exp(-lam);
  let k = 0;
  let p = rnd();
  while (p > l) {
    k++;
    p *= rnd();
  }
  return k;
}

/** Forecast the next `horizon` hours; `heatPerItem` converts volume to heat. */
export function forecastHawkes(counts: readonly number[], heatPerItem: number, horizon = 24): Forecast {
  const hist = counts.slice(-MAX_HISTORY);
  const f = fitHawkes(hist);
  const d = Math.exp(-f.beta);
  const mean: number[] = [];
  let g = f.g;
  for (let h = 0; h < horizon; h++) {
    const lam = f.mu + f.a * g;
    mean.push(lam * heatPerItem);
    g = d * g + (1 - d) * lam;
  }
  const rnd = prng(hist.length * 7919 + Math.round(hist.reduce((s, v) => s + v, 0)));
  const sims: number[][] = Array.from({ length: horizon }, () => []);
  for (let p = 0; p < PATHS; p++) {
    let gs = f.g;
    for (let h = 0; h < horizon; h++) {
      const x = poisson(f.mu + f.a * gs, rnd);
      sims[h]!.push(x);
      gs = d * gs + (1 - d) * x;
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  const lower = sims.map((xs) => q(xs, 0.1) * heatPerItem);
  const upper = sims.map((xs) => q(xs, 0.9) * heatPerItem);
  return { mean, lower, upper, trend: judge(hist.map((v) => v * heatPerItem), mean), method: 'hawkes' };
}
