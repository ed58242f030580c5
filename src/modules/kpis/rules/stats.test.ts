import { describe, expect, it } from 'vitest';
import { binomialCdf, clopperPearson, compareCounts, isSmallNumber, ratePer1000, share } from './stats.js';
import { comparePeriods, parseQuarter, rollingQuarter } from './periods.js';

describe('quarters', () => {
  it('reads calendar and financial quarters', () => {
    expect(parseQuarter('2025Q3').months).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(parseQuarter('2025-26Q2').months).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(parseQuarter('2025-26Q4').months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(parseQuarter('2025Q1').from).toBe('2025-01');
    expect(parseQuarter('1999-00Q1').months).toEqual(['1999-04', '1999-05', '1999-06']);
  });
  it('refuses malformed quarters', () => {
    expect(() => parseQuarter('2025Q5')).toThrow(/calendar quarter/);
    expect(() => parseQuarter('2025-27Q1')).toThrow(/financial year/);
    expect(() => parseQuarter('')).toThrow();
  });
  it('rolling quarter crosses the year end', () => {
    expect(rollingQuarter('2026-01').months).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(() => rollingQuarter('2026-13')).toThrow();
  });
  it('compares with the same quarter a year before, the previous quarter, a baseline', () => {
    const q = parseQuarter('2026Q1');
    expect(comparePeriods(q, { kind: 'same-quarter-last-year' }).previous.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(comparePeriods(q, { kind: 'previous-quarter' }).previous.months).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(comparePeriods(q, { kind: 'baseline', baseline: '2024-25Q1' }).previous.from).toBe('2024-04');
  });
  it('year to date runs from 1 April', () => {
    const r = comparePeriods(parseQuarter('2025Q4'), { kind: 'year-to-date' });
    expect(r.current.from).toBe('2025-04');
    expect(r.current.to).toBe('2025-12');
    expect(r.previous.from).toBe('2024-04');
    expect(r.previous.to).toBe('2024-12');
    // A quarter in January-March belongs to the police year that began the April before.
    expect(comparePeriods(parseQuarter('2026Q1'), { kind: 'year-to-date' }).current.months).toHaveLength(12);
    // The first quarter of the police year: three months.
    expect(comparePeriods(parseQuarter('2025-26Q1'), { kind: 'year-to-date' }).current.months).toHaveLength(3);
  });
});

describe('exact intervals', () => {
  // Reference values from scipy.stats.beta.ppf (the Clopper-Pearson bounds as beta quantiles).
  it.each([
    [5, 10, 0.18708602844739855, 0.8129139715526015],
    [0, 10, 0, 0.3084971078187607],
    [1, 10, 0.0025285785444617848, 0.4450161170281954],
    [10, 10, 0.6915028921812392, 1],
    [30, 70, 0.31086791810360415, 0.5525128931884642],
  ])('Clopper-Pearson %i of %i', (k, n, low, high) => {
    const r = clopperPearson(k, n);
    expect(r.low).toBeCloseTo(low, 9);
    expect(r.high).toBeCloseTo(high, 9);
  });
  it('binomial cdf at its edges', () => {
    expect(binomialCdf(-1, 5, 0.5)).toBe(0);
    expect(binomialCdf(5, 5, 0.5)).toBe(1);
    expect(binomialCdf(0, 2, 0.5)).toBeCloseTo(0.25, 12);
  });
  it('refuses impossible counts', () => {
    expect(() => clopperPearson(3, 2)).toThrow(/0 <= k <= n/);
    expect(() => clopperPearson(0, 0)).toThrow();
  });
});

describe('comparing two counts', () => {
  it('5 against 5: ratio 1, interval from 5 of 10 transformed, p = 1 direction-free', () => {
    const r = compareCounts(5, 5);
    expect(r.rateRatio).toBe(1);
    expect(r.change).toBe(0);
    expect(r.interval!.low).toBeCloseTo(0.18708602844739855 / (1 - 0.18708602844739855), 8);
    expect(r.interval!.high).toBeCloseTo(0.8129139715526015 / (1 - 0.8129139715526015), 8);
    expect(r.p).toBeGreaterThan(0.9);
  });
  it('K&T 2004 example 1: 0 vs 3 with exposures 100 gives the E-test p 0.0884', () => {
    expect(compareCounts(0, 3, 100, 100).p).toBeCloseTo(0.0884, 3);
    expect(compareCounts(0, 3, 100, 100).interval!.low).toBe(0);
  });
  it('exposures scale the ratio (rates, not counts)', () => {
    const r = compareCounts(30, 40, 1, 2);
    expect(r.rateRatio).toBeCloseTo(1.5, 12);
    expect(r.interval!.low).toBeCloseTo((0.31086791810360415 / (1 - 0.31086791810360415)) * 2, 8);
  });
  it('degenerate inputs: nothing before, nothing at all', () => {
    const none = compareCounts(0, 0);
    expect(none.interval).toBeNull();
    expect(none.change).toBeNull();
    expect(none.p).toBe(1);
    const fresh = compareCounts(4, 0);
    expect(fresh.rateRatio).toBeNull();
    expect(fresh.interval!.high).toBeNull();
    expect(fresh.interval!.low).toBeGreaterThan(0);
  });
});

describe('measures', () => {
  it('rates per 1,000 need a population', () => {
    expect(ratePer1000(25, 50_000)).toBeCloseTo(0.5, 12);
    expect(ratePer1000(25, 0)).toBeNull();
    expect(ratePer1000(25, null)).toBeNull();
  });
  it('shares keep their denominator', () => {
    expect(share(3, 4)).toEqual({ numerator: 3, denominator: 4, share: 0.75 });
    expect(share(0, 0).share).toBeNull();
    expect(() => share(5, 4)).toThrow(/numerator/);
  });
  it('small numbers are flagged below the threshold', () => {
    expect(isSmallNumber(4, 5)).toBe(true);
    expect(isSmallNumber(5, 5)).toBe(false);
    expect(isSmallNumber(0, 5)).toBe(true);
  });
});
