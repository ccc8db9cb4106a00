// Attention decay: a story's rate of items falls as a power of its age, rate(a) = K·(a + c)^(−γ)
// (the Omori-type law of online cascades; Crane & Sornette 2008). γ and c are chosen on a small grid by
// Poisson likelihood over the event's hourly history, K in closed form; the forecast continues the curve.
// It cannot foresee a second wave, which is why forecast.ts blends it with damped Holt.

const GAMMAS = [0.3, 0.6, 0.9, 1.2, 1.5, 2, 2.5];
const OFFSETS = [1, 3, 10];
/** z of an 80 % two-sided normal interval. */
const Z80 = 1.2816;

export interface DecayFit {
  k: number;
  gamma: number;
  c: number;
}

/** Fit the decay curve to hourly values whose first entry is at age `startAge` hours. */
export function fitDecay(history: readonly number[], startAge = 0): DecayFit {
  let best: (DecayFit & { ll: number }) | null = null;
  for (const gamma of GAMMAS) for (const c of OFFSETS) {
    const w = (i: number) => (startAge + i + c) ** -gamma;
    let sx = 0;
    let sw = 0;
    for (let i = 0; i < history.length; i++) {
      sx += history[i]!;
      sw += w(i);
    }
    const k = sw > 0 ? sx / sw : 0;
    let ll = 0;
    for (let i = 0; i < history.length; i++) {
      const lam = k * w(i) + 1e-9;
      ll += history[i]! * Math.log(lam) - lam;
    }
    if (!best || ll > best.ll) best = { k, gamma, c, ll };
  }
  return best ?? { k: 0, gamma: 1, c: 1 };
}

/** Continue the fitted curve for `horizon` hours after the history, with a Poisson-like 80 % band. */
export function forecastDecay(history: readonly number[], horizon = 24, startAge = 0): { mean: number[]; lower: number[]; upper: number[] } {
  const f = fitDecay(history, startAge);
  const mean: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 0; h < horizon; h++) {
    const m = f.k * (startAge + history.length + h + f.c) ** -f.gamma;
    const sd = Math.sqrt(m);
    mean.push(m);
    lower.push(Math.max(0, m - Z80 * sd));
    upper.push(m + Z80 * sd);
  }
  return { mean, lower, upper };
}
