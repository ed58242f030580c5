/**
 * Count distributions for the trend statistics: log-gamma, the Poisson and negative-binomial
 * probability mass over the range that carries all but a negligible share of it, and quantiles.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0: Stirling's series with five correction terms, after shifting x to >= 10. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a positive finite number, got ${x}`);
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
}

/** Probabilities below this are left out of a support: near the smallest double, so tiny p-values keep their digits. */
const NEGLIGIBLE = 1e-300;

/** Probabilities p[i] of the counts lo, lo+1, ... (only the part of the distribution that matters). */
export interface Support {
  lo: number;
  p: Float64Array;
}

/**
 * Walks out from the mode of a unimodal count distribution, with `logAtMode` and the ratio
 * p(k+1)/p(k), until the mass falls below NEGLIGIBLE on both sides.
 */
function supportFromMode(mode: number, logAtMode: number, ratioUp: (k: number) => number): Support {
  const up: number[] = [];
  const down: number[] = [];
  const atMode = Math.exp(logAtMode);
  let p = atMode;
  for (let k = mode; p >= NEGLIGIBLE || k <= mode; k++) {
    up.push(p);
    p *= ratioUp(k);
  }
  p = atMode;
  for (let k = mode; k > 0; k--) {
    p /= ratioUp(k - 1);
    if (p < NEGLIGIBLE) break;
    down.push(p);
  }
  const out = new Float64Array(down.length + up.length);
  for (let i = 0; i < down.length; i++) out[i] = down[down.length - 1 - i]!;
  out.set(up, down.length);
  return { lo: mode - down.length, p: out };
}

/** ln k! - [(k + 1/2) ln k - k + ln sqrt(2 pi)], the error of Stirling's formula, for k >= 1. */
const LN_FACTORIAL_SMALL = Array.from({ length: 10 }, (_, k) => {
  let s = 0;
  for (let j = 2; j <= k; j++) s += Math.log(j);
  return s;
});

function stirlingError(k: number): number {
  if (k < 10 && Number.isInteger(k)) return LN_FACTORIAL_SMALL[k]! - (k + 0.5) * Math.log(k) + k - HALF_LOG_2PI;
  const k2 = k * k;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * k2)) / k2) / k2) / k2) / k;
}

/** x ln(x / m) + m - x, without cancellation when x is close to m (Loader 2000). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v * v;
      const next = s + ej / (2 * j + 1);
      if (next === s) break;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln P(X = k) for X ~ Poisson(mu), by Loader's saddle-point form, which keeps full relative
 * precision for large k and mu (the naive k ln mu - mu - ln k! loses ~1e-10 near mu = 1e5).
 */
export function poissonLogPmf(k: number, mu: number): number {
  if (k === 0) return -mu;
  return -stirlingError(k) - deviance(k, mu) - 0.5 * Math.log(2 * Math.PI * k);
}

/** Poisson(mu) probabilities over the range carrying all but a negligible share of the mass. */
export function poissonSupport(mu: number): Support {
  if (!(mu >= 0) || !Number.isFinite(mu)) throw new RangeError(`Poisson mean must be finite and >= 0, got ${mu}`);
  if (mu === 0) return { lo: 0, p: Float64Array.of(1) };
  const mode = Math.floor(mu);
  return supportFromMode(mode, poissonLogPmf(mode, mu), (k) => mu / (k + 1));
}

/**
 * Negative-binomial probabilities with the given mean and variance (variance > mean), i.e. size
 * r = mean^2 / (variance - mean); with variance <= mean it is the Poisson.
 */
export function countSupport(mean: number, variance: number): Support {
  if (!(variance > mean) || mean === 0) return poissonSupport(mean);
  const r = (mean * mean) / (variance - mean);
  const q = mean / (r + mean);
  const mode = r > 1 ? Math.floor(((r - 1) * q) / (1 - q)) : 0;
  const logAtMode = logGamma(mode + r) - logGamma(r) - logGamma(mode + 1) + r * Math.log1p(-q) + mode * Math.log(q);
  return supportFromMode(mode, logAtMode, (k) => ((k + r) / (k + 1)) * q);
}

/** The smallest count whose cumulative probability reaches `prob` (0 < prob < 1). */
export function supportQuantile(s: Support, prob: number): number {
  let cum = 0;
  for (let i = 0; i < s.p.length; i++) {
    cum += s.p[i]!;
    if (cum >= prob * (1 - 64 * Number.EPSILON)) return s.lo + i;
  }
  return s.lo + s.p.length - 1;
}

/** Equal-tailed (1 - alpha) interval of a count with this mean and variance. */
export function countInterval(mean: number, variance: number, alpha: number): { low: number; high: number } {
  const s = countSupport(mean, variance);
  return { low: supportQuantile(s, alpha / 2), high: supportQuantile(s, 1 - alpha / 2) };
}
