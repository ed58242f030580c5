import { AppError } from '../errors.js';
import { poissonSupport, type Support } from './poisson.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface ETestInput {
  /** Events counted in the first period or area. */
  k1: number;
  /** Events counted in the second period or area. */
  k2: number;
  /** Exposure of the first count (months, area, population); default 1. */
  n1?: number;
  /** Exposure of the second count; default 1. */
  n2?: number;
  /** The null difference of the rates, lambda1 - lambda2 (>= 0); default 0. */
  diff?: number;
  alternative?: Alternative;
}

export interface ETestResult {
  /** The observed pivot statistic T(k1, k2) of Krishnamoorthy and Thomson (2004), eq. (3.3). */
  statistic: number;
  p: number;
  /** The rate of the second process estimated under the null, eq. (3.4); the test is not run when <= 0. */
  lambdaHat: number;
}

function checkInput(i: ETestInput): Required<ETestInput> {
  const { k1, k2, n1 = 1, n2 = 1, diff = 0, alternative = 'two-sided' } = i;
  for (const [name, k] of [['k1', k1], ['k2', k2]] as const) {
    if (!Number.isSafeInteger(k) || k < 0) throw new AppError('validation', `${name} must be a whole number of events >= 0, got ${k}`);
  }
  for (const [name, n] of [['n1', n1], ['n2', n2]] as const) {
    if (!(n > 0) || !Number.isFinite(n)) throw new AppError('validation', `${name} must be an exposure > 0, got ${n}`);
  }
  if (!(diff >= 0) || !Number.isFinite(diff)) throw new AppError('validation', `diff must be >= 0, got ${diff}`);
  return { k1, k2, n1, n2, diff, alternative };
}

/** Index of the first x2 in `s` (walked as s.lo + index) where `holds` is false; predicate true then false. */
function firstFalse(s: Support, holds: (x2: number) => boolean, fromIndex: number): number {
  let lo = fromIndex;
  let hi = s.p.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(s.lo + mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The E-test for two Poisson means (Krishnamoorthy and Thomson 2004; the test behind SciPy's
 * `poisson_means_test` and ptools' `e_test`). The p-value is the null probability, with both
 * rates set to their pooled estimate, that the pivot statistic
 * T = (X1/n1 - X2/n2 - d) / sqrt(X1/n1^2 + X2/n2^2) is at least as extreme as the observed one.
 *
 * The double sum of eq. (3.5) is evaluated over all (x1, x2) whose probability is above 1e-300:
 * when x1/n1 >= d, T falls strictly as x2 grows, so the rejected x2 form a prefix and/or a suffix,
 * found by bisection and summed from cumulative sums. (0, 0) has no T when d = 0 and is never
 * counted, as in SciPy. When both counts are 0 there is no evidence either way: p = 1.
 *
 * @example poissonETest({ k1: 0, n1: 100, k2: 3, n2: 100 }).p // 0.0884 (K&T 2004, example 1)
 */
export function poissonETest(input: ETestInput): ETestResult {
  const { k1, k2, n1, n2, diff, alternative } = checkInput(input);
  const lambdaHat = (k1 + k2) / (n1 + n2) - (diff * n1) / (n1 + n2);
  if (lambdaHat <= 0) return { statistic: 0, p: 1, lambdaHat };

  const t = (x1: number, x2: number) => (x1 / n1 - x2 / n2 - diff) / Math.sqrt(x1 / n1 / n1 + x2 / n2 / n2);
  // The observed statistic is rounded exactly as SciPy rounds it (k/n^2, not k/n/n), so that an
  // exact tie at the observed point is decided as SciPy decides it; with exposures that are not
  // powers of two the two roundings can differ in the last bit.
  const observed = (k1 / n1 - k2 / n2 - diff) / Math.sqrt(k1 / (n1 * n1) + k2 / (n2 * n2));
  const s1 = poissonSupport(n1 * (lambdaHat + diff));
  const s2 = poissonSupport(n2 * lambdaHat);
  // Prefix sums from index 0 and from index 1, and suffix sums, so tiny tails keep their precision.
  const len = s2.p.length;
  const pre0 = new Float64Array(len + 1);
  const pre1 = new Float64Array(len + 1);
  const suf = new Float64Array(len + 1);
  for (let i = 0; i < len; i++) {
    pre0[i + 1] = pre0[i]! + s2.p[i]!;
    pre1[i + 1] = i === 0 ? 0 : pre1[i]! + s2.p[i]!;
  }
  for (let i = len - 1; i >= 0; i--) suf[i] = suf[i + 1]! + s2.p[i]!;
  const c = Math.abs(observed);
  const upper = (x1: number) => (x2: number) => t(x1, x2) >= (alternative === 'two-sided' ? c : observed);
  const lowerNot = (x1: number) => (x2: number) => !(t(x1, x2) <= (alternative === 'two-sided' ? -c : observed));

  const hit = (tv: number) => (alternative === 'two-sided' ? Math.abs(tv) >= c : alternative === 'less' ? tv <= observed : tv >= observed);

  let sum = 0;
  let comp = 0; // Neumaier compensation
  for (let i = 0; i < s1.p.length; i++) {
    const x1 = s1.lo + i;
    let mass = 0;
    if (x1 / n1 - diff < 0) {
      // Only when d > 0: here T first rises then falls in x2, so sum the rejected x2 one by one.
      for (let j = 0; j < s2.p.length; j++) if (hit(t(x1, s2.lo + j))) mass += s2.p[j]!;
    } else {
      // At x1 = 0 the point x2 = 0 has no T (0/0): decided on its own (never rejected), bisect over x2 >= 1.
      let start = 0;
      if (x1 === 0 && s2.lo === 0) {
        if (hit(t(0, 0))) mass += s2.p[0]!;
        start = 1;
      }
      const pre = start === 0 ? pre0 : pre1;
      const a = alternative === 'less' ? start : firstFalse(s2, upper(x1), start); // [start, a): T >= c
      const b = alternative === 'greater' ? len : firstFalse(s2, lowerNot(x1), start); // [b, end): T <= -c
      if (alternative === 'greater') mass += pre[a]!;
      else if (alternative === 'less') mass += suf[b]!;
      else if (b <= a) mass += suf[start]!;
      else mass += pre[a]! + suf[b]!;
    }
    const term = s1.p[i]! * mass;
    const next = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
  }
  return { statistic: observed, p: Math.min(1, Math.max(0, sum + comp)), lambdaHat };
}
