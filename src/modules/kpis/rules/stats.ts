import { AppError } from '../../../platform/errors.js';
import { poissonETest } from '../../../platform/stats/etest.js';
import { logGamma } from '../../../platform/stats/poisson.js';

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** P(X <= k) for X ~ Binomial(n, p), summed in log space. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  let s = 0;
  for (let i = 0; i <= k; i++) s += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  return Math.min(1, s);
}

function bisect(f: (p: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The exact (Clopper-Pearson) interval of a binomial proportion k/n at level 1 - alpha. */
export function clopperPearson(k: number, n: number, alpha = 0.05): { low: number; high: number } {
  if (!Number.isSafeInteger(n) || n <= 0 || !Number.isSafeInteger(k) || k < 0 || k > n) {
    throw new AppError('validation', `clopperPearson needs whole numbers 0 <= k <= n, n > 0; got k=${k}, n=${n}`);
  }
  // low: P(X >= k; p) = alpha/2, i.e. 1 - cdf(k-1) = alpha/2; high: cdf(k; p) = alpha/2.
  const low = k === 0 ? 0 : bisect((p) => alpha / 2 - (1 - binomialCdf(k - 1, n, p)));
  const high = k === n ? 1 : bisect((p) => binomialCdf(k, n, p) - alpha / 2);
  return { low, high };
}

export interface RateComparison {
  current: number;
  previous: number;
  /** Relative change of the rate, (r1 - r2) / r2; null when the previous rate is 0. */
  change: number | null;
  rateRatio: number | null;
  /** 95% interval of the rate ratio by the exact conditional binomial method; null bound = unbounded or undefined. */
  interval: { low: number | null; high: number | null } | null;
  /** Two-sided E-test p-value (Krishnamoorthy and Thomson 2004). */
  p: number;
}

/**
 * Compares two counts with exposures n1, n2. Conditional on k1 + k2, k1 is binomial with
 * p = n1 r1 / (n1 r1 + n2 r2); the Clopper-Pearson bounds on p become bounds on the rate ratio
 * r1/r2 = p/(1-p) * n2/n1.
 */
export function compareCounts(k1: number, k2: number, n1 = 1, n2 = 1, alpha = 0.05): RateComparison {
  const { p } = poissonETest({ k1, k2, n1, n2 });
  const r1 = k1 / n1;
  const r2 = k2 / n2;
  const change = k2 === 0 ? null : (r1 - r2) / r2;
  const rateRatio = k2 === 0 ? null : r1 / r2;
  let interval: RateComparison['interval'] = null;
  if (k1 + k2 > 0) {
    const { low, high } = clopperPearson(k1, k1 + k2, alpha);
    const toRatio = (q: number) => (q / (1 - q)) * (n2 / n1);
    interval = { low: toRatio(low), high: high >= 1 ? null : toRatio(high) };
  }
  return { current: k1, previous: k2, change, rateRatio, interval, p };
}

/** A rate per 1,000 people; null when the population is unknown or not positive. */
export function ratePer1000(count: number, population: number | null | undefined): number | null {
  if (population == null || !(population > 0)) return null;
  return (count / population) * 1000;
}

/** A share with its denominator kept beside it; share null when the denominator is 0. */
export function share(numerator: number, denominator: number): { numerator: number; denominator: number; share: number | null } {
  if (numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new AppError('validation', `a share needs 0 <= numerator <= denominator, got ${numerator}/${denominator}`);
  }
  return { numerator, denominator, share: denominator === 0 ? null : numerator / denominator };
}

/** Counts below the threshold (from the KPI's disclosure profile) are flagged as small numbers. */
export function isSmallNumber(count: number, threshold: number): boolean {
  return count < threshold;
}
