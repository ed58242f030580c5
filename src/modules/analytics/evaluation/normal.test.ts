import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, twoSidedP } from './normal.js';

// Reference values: scipy.stats.norm.cdf / norm.ppf (SciPy 1.17.1) and R pnorm/qnorm.
describe('standard normal', () => {
  it.each([
    [0, 0.5],
    [-1, 0.15865525393145707],
    [-1.96, 0.024997895148220435],
    [-2.5, 0.006209665325776132],
    [-3, 0.0013498980316300933],
    [-5, 2.866515718791933e-7],
    [-8, 6.22096057427174e-16],
    [-10, 7.61985302416047e-24],
    [-20, 2.7536241186061556e-89],
    [-37, 5.7255712225239266e-300],
  ])('Phi(%f) = %e', (x, p) => {
    expect(Math.abs(normalCdf(x) / p - 1)).toBeLessThan(1e-12);
    expect(normalCdf(-x)).toBeCloseTo(1 - p, 15);
  });

  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.05, -1.6448536269514729],
    [1e-10, -6.361340902404056],
    [0.9, 1.2815515655446004],
    [1e-300, -37.0470962993612],
  ])('quantile(%f) = %f', (p, x) => {
    expect(normalQuantile(p)).toBeCloseTo(x, 12);
  });

  it('two-sided p-values, and the limits', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(0)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
