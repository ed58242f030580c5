import { describe, expect, it } from 'vitest';
import { adjustPValues, erfc, twoSidedP } from './p-values.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('erfc and two-sided normal p', () => {
  it('matches tabulated values to 1.2e-7 relative error, tails included', () => {
    // reference values: erfc(1), erfc(0.5); normal tails 2·Φ(−z)
    expect(rel(erfc(1), 0.157299207050285)).toBeLessThan(2e-7);
    expect(rel(erfc(0.5), 0.479500122186953)).toBeLessThan(2e-7);
    expect(rel(erfc(-1), 1.842700792949715)).toBeLessThan(2e-7);
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(rel(twoSidedP(1.959963984540054), 0.05)).toBeLessThan(2e-7);
    expect(rel(twoSidedP(-3), 0.0026997960632602)).toBeLessThan(2e-7);
    expect(rel(twoSidedP(5), 5.733031437583878e-7)).toBeLessThan(2e-7);
    expect(rel(twoSidedP(8), 1.244192114854357e-15)).toBeLessThan(2e-7);
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(NaN)).toBeNaN();
  });
});

describe('adjustPValues', () => {
  // Benjamini & Hochberg (1995), section 4: 15 p-values; at q = 0.05 the first four are rejected.
  const bh1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
  // worked by hand: running minimum of 15·p(j)/j from the largest down
  const bh1995Adjusted = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231, 0.813214, 1];

  it('reproduces the Benjamini-Hochberg textbook example, in any input order', () => {
    const order = [7, 2, 14, 0, 9, 4, 11, 1, 13, 5, 3, 12, 6, 10, 8];
    const shuffled = Float64Array.from(order, (k) => bh1995[k]!);
    const adj = adjustPValues(shuffled, 'fdr');
    order.forEach((k, i) => expect(adj[i]).toBeCloseTo(bh1995Adjusted[k]!, 6));
    expect([...adj].filter((p) => p < 0.05)).toHaveLength(4);
  });

  it("matches R's p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), 'BH') = all 0.05", () => {
    expect([...adjustPValues(Float64Array.of(0.01, 0.02, 0.03, 0.04, 0.05), 'fdr')].map((p) => +p.toFixed(12))).toEqual([0.05, 0.05, 0.05, 0.05, 0.05]);
  });

  it('gives tied p-values one adjusted value and skips NaN (not counted in m)', () => {
    const adj = adjustPValues(Float64Array.of(0.01, NaN, 0.01, 0.04, NaN), 'fdr');
    // m = 3: sorted 0.01, 0.01, 0.04 -> 3·0.01/2 = 0.015 for both ties, 3·0.04/3 = 0.04
    expect(adj[0]).toBeCloseTo(0.015, 12);
    expect(adj[2]).toBeCloseTo(0.015, 12);
    expect(adj[3]).toBeCloseTo(0.04, 12);
    expect(adj[1]).toBeNaN();
    expect(adj[4]).toBeNaN();
  });

  it('bonferroni multiplies by the number of tests and caps at 1; none leaves p alone', () => {
    expect([...adjustPValues(Float64Array.of(0.01, 0.3, NaN), 'bonferroni')]).toEqual([0.02, 0.6, NaN]);
    expect([...adjustPValues(Float64Array.of(0.6, 0.7), 'bonferroni')]).toEqual([1, 1]);
    expect([...adjustPValues(Float64Array.of(0.6, NaN), 'none')]).toEqual([0.6, NaN]);
  });

  it('handles an empty input', () => {
    expect(adjustPValues(new Float64Array(0), 'fdr')).toHaveLength(0);
  });
});
