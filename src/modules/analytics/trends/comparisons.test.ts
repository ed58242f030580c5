import { describe, expect, it } from 'vitest';
import { comparePeriods, parseQuarter, rollingQuarter } from '../../kpis/index.js';
import { AppError } from '../../../platform/errors.js';
import { compareFigures, latestQuarter, planComparison, type PeriodRules } from './comparisons.js';
import { poissonETest } from '../../../platform/stats/etest.js';
import type { SeasonalIndex } from './seasonal.js';

const rules: PeriodRules = { parseQuarter, rollingQuarter, comparePeriods };

describe('planComparison', () => {
  it('quarter notation: 2025Q3 is calendar July-September, 2025-26Q2 the same months as a financial quarter; both against the quarter before', () => {
    const cal = planComparison(rules, 'quarter', '2025Q3', '2025-12', false);
    expect([cal.current.from, cal.current.to, cal.baseline.from, cal.baseline.to]).toEqual(['2025-07', '2025-09', '2025-04', '2025-06']);
    const fin = planComparison(rules, 'quarter', '2025-26Q2', '2025-12', false);
    expect([fin.current.from, fin.current.to, fin.baseline.from, fin.baseline.to]).toEqual(['2025-07', '2025-09', '2025-04', '2025-06']);
    expect(fin.exposures).toEqual([3, 3]);
    // Q1 of a financial year is April-June; the quarter before is January-March
    const q1 = planComparison(rules, 'quarter', '2025-26Q1', '2025-12', false);
    expect([q1.current.from, q1.baseline.from, q1.baseline.to]).toEqual(['2025-04', '2025-01', '2025-03']);
  });

  it('the default quarter is the latest whole one at the cut-off', () => {
    expect(latestQuarter('2025-12', true)).toBe('2025Q4');
    expect(latestQuarter('2025-11', true)).toBe('2025Q3');
    expect(latestQuarter('2025-12', false)).toBe('2025-26Q3'); // October-December
    expect(latestQuarter('2026-03', false)).toBe('2025-26Q4');
    expect(latestQuarter('2026-02', false)).toBe('2025-26Q3');
    expect(latestQuarter('2025-06', false)).toBe('2025-26Q1');
    expect(planComparison(rules, 'quarter', undefined, '2025-11', true).current.label).toBe('2025Q3');
  });

  it('month: the month against the three before it, exposures 1 and 3 (across a year end)', () => {
    const p = planComparison(rules, 'month', '2025-02', '2025-12', false);
    expect([p.current.from, p.current.to, p.baseline.from, p.baseline.to]).toEqual(['2025-02', '2025-02', '2024-11', '2025-01']);
    expect(p.exposures).toEqual([1, 3]);
  });

  it('year to date from 1 April unless calendar; the same months a year earlier', () => {
    const police = planComparison(rules, 'ytd', '2025-12', '2025-12', false);
    expect([police.current.from, police.current.to, police.baseline.from, police.baseline.to]).toEqual(['2025-04', '2025-12', '2024-04', '2024-12']);
    expect(police.exposures).toEqual([9, 9]);
    const march = planComparison(rules, 'ytd', '2026-03', '2026-03', false);
    expect([march.current.from, march.current.to]).toEqual(['2025-04', '2026-03']);
    const april = planComparison(rules, 'ytd', '2025-04', '2025-12', false);
    expect([april.current.from, april.current.to, april.baseline.from]).toEqual(['2025-04', '2025-04', '2024-04']);
    const cal = planComparison(rules, 'ytd', '2025-03', '2025-12', true);
    expect([cal.current.from, cal.current.to, cal.baseline.from, cal.baseline.to]).toEqual(['2025-01', '2025-03', '2024-01', '2024-03']);
  });

  it('malformed periods are validation errors', () => {
    expect(() => planComparison(rules, 'quarter', '2025Q5', '2025-12', false)).toThrow(AppError);
    expect(() => planComparison(rules, 'quarter', '2025-27Q1', '2025-12', false)).toThrow(/2025-26/);
    expect(() => planComparison(rules, 'month', '2025-13', '2025-12', false)).toThrow(/YYYY-MM/);
    expect(() => planComparison(rules, 'ytd', '2025Q3', '2025-12', false)).toThrow(/YYYY-MM/);
  });
});

describe('compareFigures', () => {
  const month = planComparison(rules, 'month', '2025-04', '2025-12', false);
  const quarter = planComparison(rules, 'quarter', '2025Q3', '2025-12', false);

  it('a month against the three before: per-month rates and the E-test with exposures 1 and 3', () => {
    // 20 in April against 30 in January-March: 20 a month against 10 a month, +100%
    const f = compareFigures(month, 20, 30, 0.05, null);
    expect(f.changePct).toBeCloseTo(100, 10);
    expect(f.p).toBe(poissonETest({ k1: 20, k2: 30, n1: 1, n2: 3 }).p);
    expect(f.p!).toBeLessThan(0.05);
    expect(f.significant).toBe(true);
    expect(f.reading).toMatch(/^up 100\.0% per month; distinguishable from no change at the 5% level/);
    expect(f.seasonal.note).toMatch(/Less than two years of data/);
  });

  it('an unremarkable change reads as not distinguishable from no change', () => {
    const f = compareFigures(quarter, 11, 10, 0.05, null);
    expect(f.changePct).toBeCloseTo(10, 10);
    expect(f.reading).toMatch(/not distinguishable from no change at the 5% level/);
  });

  it('degenerate counts: both zero, and a zero baseline', () => {
    const none = compareFigures(quarter, 0, 0, 0.05, null);
    expect(none).toMatchObject({ changePct: null, p: null, significant: null, reading: 'no incidents in either period' });
    const fromNone = compareFigures(quarter, 4, 0, 0.05, null);
    expect(fromNone.changePct).toBeNull();
    expect(fromNone.reading).toMatch(/^up from none to 4;/);
  });

  it('with seasonal indices: a summer rise the season explains is called mostly seasonal', () => {
    // July-September index 1.5, April-June 1.0: a 50% rise is all season
    const indices: SeasonalIndex[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, name: '', index: i >= 6 && i <= 8 ? 1.5 : 1, ratios: 2 }));
    const f = compareFigures(quarter, 150, 100, 0.05, indices);
    expect(f.changePct).toBeCloseTo(50, 10);
    expect(f.seasonal.adjustedChangePct).toBeCloseTo(0, 10);
    expect(f.seasonal.mostlySeasonal).toBe(true);
    expect(f.seasonal.note).toMatch(/mostly seasonal/);
    // 200 against 100: +100%, of which the season explains two thirds (+33% adjusted): mostly seasonal
    const g = compareFigures(quarter, 200, 100, 0.05, indices);
    expect(g.seasonal.adjustedChangePct).toBeCloseTo(33.333, 2);
    expect(g.seasonal.mostlySeasonal).toBe(true);
    // 300 against 100: +200%, +100% adjusted: half is the season, not most of it
    const h = compareFigures(quarter, 300, 100, 0.05, indices);
    expect(h.seasonal.adjustedChangePct).toBeCloseTo(100, 10);
    expect(h.seasonal.mostlySeasonal).toBe(false);
    expect(h.seasonal.note).toBe('Adjusted for the season the change is +100.0%.');
  });

  it('the year to date compares the same months, so the season is not a factor', () => {
    const ytd = planComparison(rules, 'ytd', '2025-09', '2025-12', false);
    expect(compareFigures(ytd, 60, 50, 0.05, null).seasonal.note).toMatch(/same months a year apart/);
  });
});
