import { describe, expect, it } from 'vitest';
import { countInterval, countSupport, logGamma, poissonLogPmf, poissonSupport, supportQuantile } from './poisson.js';

describe('logGamma', () => {
  // Reference values: scipy.special.gammaln (SciPy 1.17.1).
  it.each([
    [0.5, 0.5723649429247],
    [1, 0],
    [2, 0],
    [3.7, 1.428072326665388],
    [10, 12.801827480081469],
    [10.5, 13.940625219403763],
    [100, 359.1342053695754],
    [1e4, 82099.71749644238],
    [1e6, 12815504.569147611],
  ])('ln Gamma(%f)', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 11);
  });

  it('matches ln n! summed by hand', () => {
    let lnFact = 0;
    for (let n = 1; n <= 30; n++) {
      lnFact += Math.log(n);
      expect(Math.abs(logGamma(n + 1) - lnFact)).toBeLessThan(1e-12 * Math.max(1, lnFact));
    }
  });

  it('gives Poisson log-probabilities to full precision at large counts', () => {
    // mpmath at 40 digits: k ln(mu) - mu - loggamma(k + 1) = -7.0219758976353846...
    // (SciPy 1.17.1 poisson.logpmf gives -7.021975898183882, off by 5e-10 from cancellation.)
    expect(poissonLogPmf(200000, 200000.5)).toBeCloseTo(-7.0219758976353846, 12);
    expect(poissonLogPmf(3, 4)).toBeCloseTo(Math.log((Math.exp(-4) * 64) / 6), 14);
    expect(poissonLogPmf(0, 2.5)).toBe(-2.5);
  });

  it('refuses non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('count distributions', () => {
  it('Poisson support holds all the mass and the textbook probabilities', () => {
    for (const mu of [0.3, 4, 57.2, 1000, 2e5, 1e6]) {
      const s = poissonSupport(mu);
      expect(Math.abs(s.p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
    const s = poissonSupport(4);
    expect(s.lo).toBe(0);
    expect(s.p[2]).toBeCloseTo((Math.exp(-4) * 16) / 2, 15); // e^-4 4^2 / 2!
    expect(poissonSupport(0)).toEqual({ lo: 0, p: Float64Array.of(1) });
  });

  // Reference quantiles: scipy.stats.poisson.ppf and nbinom.ppf(q, r, r / (r + mean)) with r = mean^2 / (variance - mean).
  it.each([
    [0.3, 0.05, 0], [0.3, 0.95, 1], [0.3, 0.975, 2],
    [4, 0.05, 1], [4, 0.95, 8],
    [10, 0.05, 5], [10, 0.95, 15], [10, 0.025, 4], [10, 0.975, 17],
    [57.2, 0.05, 45], [57.2, 0.95, 70], [1000, 0.025, 938], [1000, 0.975, 1062],
  ])('Poisson(%f) quantile %f is %i', (mu, q, expected) => {
    expect(supportQuantile(poissonSupport(mu), q)).toBe(expected);
  });

  it.each([
    [10, 25, 3, 19],
    [57.2, 120, 40, 76],
    [3.5, 10, 0, 10],
    [1000, 5000, 886, 1119],
  ])('negative binomial mean %f variance %f: 90%% interval [%i, %i]', (mean, variance, low, high) => {
    expect(countInterval(mean, variance, 0.1)).toEqual({ low, high });
    expect(countSupport(mean, variance).p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('falls back to the Poisson when the variance does not exceed the mean', () => {
    expect(countInterval(10, 10, 0.1)).toEqual({ low: 5, high: 15 });
    expect(countInterval(10, 5, 0.05)).toEqual({ low: 4, high: 17 });
    expect(countInterval(0, 0, 0.1)).toEqual({ low: 0, high: 0 });
  });
});
