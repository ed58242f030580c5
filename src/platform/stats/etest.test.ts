import { describe, expect, it } from 'vitest';
import { poissonETest, type Alternative } from './etest.js';

/**
 * An independent evaluation of K&T (2004) eq. (3.5): every (x1, x2) on a grid far wider than the
 * mass, probabilities from ln k! summed term by term, no bisection, no cumulative sums.
 */
function directETest(k1: number, k2: number, n1 = 1, n2 = 1, alternative: Alternative = 'two-sided'): number {
  const lambda = (k1 + k2) / (n1 + n2);
  if (lambda <= 0) return 1;
  const t = (x1: number, x2: number) => (x1 / n1 - x2 / n2) / Math.sqrt(x1 / n1 / n1 + x2 / n2 / n2);
  const t0 = (k1 / n1 - k2 / n2) / Math.sqrt(k1 / (n1 * n1) + k2 / (n2 * n2));
  const pmf = (mu: number, max: number) => {
    const out: number[] = [];
    let lnFact = 0;
    for (let x = 0; x <= max; x++) {
      if (x > 0) lnFact += Math.log(x);
      out.push(Math.exp(x * Math.log(mu) - mu - lnFact));
    }
    return out;
  };
  const m1 = n1 * lambda;
  const m2 = n2 * lambda;
  const p1 = pmf(m1, Math.ceil(m1 + 15 * Math.sqrt(m1) + 40));
  const p2 = pmf(m2, Math.ceil(m2 + 15 * Math.sqrt(m2) + 40));
  let sum = 0;
  p1.forEach((a, x1) =>
    p2.forEach((b, x2) => {
      const v = t(x1, x2);
      const hit = alternative === 'two-sided' ? Math.abs(v) >= Math.abs(t0) : alternative === 'greater' ? v >= t0 : v <= t0;
      if (hit) sum += a * b; // NaN at (0, 0) is never a hit
    }),
  );
  return sum;
}

describe('poissonETest (Krishnamoorthy and Thomson 2004)', () => {
  // K&T (2004), section 6, Example 1 (0 vs 3 dodder seeds in 100 g samples) and Example 2, as
  // quoted in SciPy's scipy/stats/tests/test_hypotests.py::TestPoissonMeansTest::test_paper_examples
  // and ptools tests/testthat/test-etest.R.
  it.each([
    [0, 100, 3, 100, 0.0884],
    [2, 100, 6, 100, 0.1749],
  ])('paper example k1=%i n1=%i k2=%i n2=%i: p = %f', (k1, n1, k2, n2, p) => {
    expect(Math.abs(poissonETest({ k1, n1, k2, n2 }).p - p)).toBeLessThan(5e-5);
  });

  it('gives the SciPy docstring statistic for the dodder example', () => {
    const r = poissonETest({ k1: 0, n1: 100, k2: 3, n2: 100 });
    expect(r.statistic).toBe(-1.7320508075688772); // scipy.stats.poisson_means_test docstring
    expect(r.p).toBeCloseTo(0.088379009, 8);
  });

  // The authors' Fortran values in SciPy's test_fortran_authors (tolerance 2e-6 there too).
  it.each([
    [10, 10, 10, 10, 0.9999998403241203, 'two-sided', 0],
    [50, 15, 1, 1, 0.09920321053409643, 'two-sided', 0.05],
    [3, 100, 20, 300, 0.12202725450896404, 'two-sided', 0],
    [3, 12, 4, 20, 0.40416087318539173, 'greater', 0],
    [4, 20, 3, 100, 0.008053640402974236, 'greater', 0],
    [4, 20, 3, 10, 0.3083216325432898, 'less', 0],
    [1, 1, 50, 15, 0.09322998607245102, 'less', 0],
  ] as const)('Fortran reference k1=%i n1=%f k2=%i n2=%f: p = %f (%s, d=%f)', (k1, n1, k2, n2, p, alternative, diff) => {
    expect(Math.abs(poissonETest({ k1, n1, k2, n2, alternative, diff }).p - p)).toBeLessThan(2e-6);
  });

  // scipy.stats.poisson_means_test(k1, n1, k2, n2).pvalue, SciPy 1.17.1 (run for this test).
  // SciPy sums from its Poisson ppf(1e-10) bounds, so it drops up to ~1e-10 of lower-tail mass:
  // hence the 1e-9 tolerance.
  it.each([
    [20, 1, 10, 1, 0.06883178210810925],
    [10, 1, 20, 1, 0.06883178210810925],
    [3, 1, 0, 1, 0.08837900945483518],
    [3, 2, 0, 2, 0.08837900945483518],
    [6, 1, 2, 1, 0.1748748209437075],
    [3, 1, 2, 1, 0.7371519118556716],
    [1, 1, 0, 1, 0.48605546141850425],
    [5, 1, 5, 1, 0.9999546000702362],
    [3, 100, 20, 300, 0.12202744803647189],
    [120, 1, 100, 1, 0.17810562551738726],
    [500, 1, 430, 1, 0.021694915644109976],
    [1500, 1, 1650, 1, 0.007523185649537335],
    [10000, 1, 10250, 1, 0.07895028436639048],
    [50, 3, 20, 1, 0.5131096246195362],
    [7, 2.5, 1, 0.5, 0.77716601143028],
    [64, 1, 90, 1, 0.036177453752380115],
    [0, 1, 40, 1, 1.3907616505051288e-12],
    [1000000, 1, 1003000, 1, 0.03402872661507343],
  ])('agrees with SciPy: k1=%i n1=%f k2=%i n2=%f, p = %f', (k1, n1, k2, n2, p) => {
    expect(Math.abs(poissonETest({ k1, n1, k2, n2 }).p - p)).toBeLessThan(1e-9);
  });

  it('decides exact ties at the observed point as SciPy does (exposures that are not powers of two)', () => {
    // SciPy 1.17.1: poisson_means_test(602, 100, 612, 100, alternative='less') = 0.3870033683923565 and
    // poisson_means_test(7, 1, 15, 1.3, diff=1) = 0.15851239733260608.
    expect(Math.abs(poissonETest({ k1: 602, n1: 100, k2: 612, n2: 100, alternative: 'less' }).p - 0.3870033683923565)).toBeLessThan(1e-9);
    expect(Math.abs(poissonETest({ k1: 7, n1: 1, k2: 15, n2: 1.3, diff: 1 }).p - 0.15851239733260608)).toBeLessThan(1e-9);
  });

  // Far tails, where SciPy's truncated sums return 0 or lose digits: mpmath at 40 digits, summing
  // eq. (3.5) over a grid to mu + 20 sqrt(mu) + 30 (run for this test).
  it.each([
    [258, 3.7, 17, 1, 'two-sided', 2.31030390043058e-12],
    [153, 1, 19, 1, 'two-sided', 1.75014834162109e-27],
    [196, 0.5, 198, 1, 'greater', 9.69726371967403e-12],
  ] as const)('keeps relative precision in the far tail: k1=%i n1=%f k2=%i n2=%f %s', (k1, n1, k2, n2, alternative, p) => {
    expect(Math.abs(poissonETest({ k1, n1, k2, n2, alternative }).p / p - 1)).toBeLessThan(1e-6);
  });

  it('matches a direct double summation on a grid of small and medium counts', () => {
    const cases: [number, number, number, number, Alternative][] = [];
    for (const [k1, k2] of [[0, 1], [1, 0], [0, 7], [2, 9], [4, 4], [13, 5], [30, 44], [75, 52], [150, 190]] as const) {
      for (const [n1, n2] of [[1, 1], [2, 1], [0.7, 1.9], [100, 100]] as const) {
        for (const alt of ['two-sided', 'less', 'greater'] as const) cases.push([k1, k2, n1, n2, alt]);
      }
    }
    for (const [k1, k2, n1, n2, alternative] of cases) {
      expect(Math.abs(poissonETest({ k1, k2, n1, n2, alternative }).p - directETest(k1, k2, n1, n2, alternative))).toBeLessThan(1e-12);
    }
  });

  it('hand-worked: 1 against 0', () => {
    // Both counts ~ Poisson(0.5) under the null, T = (x1 - x2) / sqrt(x1 + x2), observed |T| = 1.
    // Rejected: one count 0 and the other >= 1 (2 x 0.60653 x 0.39347 = 0.477303); one count 1 and the
    // other >= 3 (2 x 0.30327 x 0.014388 = 0.008727); one 2 and the other >= 5 (2.6e-5); one 3 and the
    // other >= 6 (3.5e-7): p = 0.486056 to the rounding of these sums.
    expect(Math.abs(poissonETest({ k1: 1, k2: 0 }).p - 0.486056)).toBeLessThan(2e-6);
  });

  it('hand-worked: equal counts reject every point but (0, 0), so p = 1 - exp(-2k)', () => {
    expect(poissonETest({ k1: 5, k2: 5 }).p).toBeCloseTo(1 - Math.exp(-10), 13);
    expect(poissonETest({ k1: 1, k2: 1 }).p).toBeCloseTo(1 - Math.exp(-2), 13);
  });

  it('p = 1 when both counts are 0, whatever the exposures', () => {
    expect(poissonETest({ k1: 0, k2: 0 })).toEqual({ statistic: 0, p: 1, lambdaHat: 0 });
    expect(poissonETest({ k1: 0, k2: 0, n1: 5, n2: 2 }).p).toBe(1);
  });

  it('is symmetric in its two samples and depends on rates, not units, at small counts', () => {
    expect(poissonETest({ k1: 6, k2: 2 }).p).toBeCloseTo(poissonETest({ k1: 2, k2: 6 }).p, 14);
    expect(poissonETest({ k1: 4, n1: 3, k2: 11, n2: 2 }).p).toBeCloseTo(poissonETest({ k1: 11, n1: 2, k2: 4, n2: 3 }).p, 14);
    // ptools man/e_test.Rd: e_test(3, 0) and e_test(3, 0, 2, 2) agree.
    expect(poissonETest({ k1: 3, k2: 0, n1: 2, n2: 2 }).p).toBeCloseTo(poissonETest({ k1: 3, k2: 0 }).p, 14);
  });

  it('is close to the normal approximation in ptools man/wdd.Rd (e_test(20, 10) ~ 0.069)', () => {
    expect(Math.abs(poissonETest({ k1: 20, k2: 10 }).p - 0.069)).toBeLessThan(0.001);
  });

  it('never exceeds 1 and never returns NaN', () => {
    for (const [k1, k2] of [[20, 20], [0, 1], [10000, 10000], [1, 1000]] as const) {
      const { p } = poissonETest({ k1, k2 });
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('refuses counts that are not whole numbers >= 0 and exposures <= 0, naming the argument', () => {
    expect(() => poissonETest({ k1: 2.5, k2: 1 })).toThrow(/k1 must be a whole number/);
    expect(() => poissonETest({ k1: 1, k2: -1 })).toThrow(/k2 must be a whole number/);
    expect(() => poissonETest({ k1: 1, k2: 1, n1: 0 })).toThrow(/n1 must be an exposure > 0/);
    expect(() => poissonETest({ k1: 1, k2: 1, n2: Number.NaN })).toThrow(/n2/);
    expect(() => poissonETest({ k1: 1, k2: 1, diff: -1 })).toThrow(/diff must be >= 0/);
  });
});
