import { describe, expect, it } from 'vitest';
import { poissonETest } from '../../../platform/stats/etest.js';
import { kpiRow, kpiRows } from './kpi.js';
import { percentChange, readComparison, windowCount, yearOnYear } from './year-on-year.js';

describe('yearOnYear', () => {
  const series = new Map([
    ['2023-06', 10], ['2023-07', 12], ['2023-08', 8],
    ['2024-06', 6], ['2024-07', 9], ['2024-08', 5],
  ]);

  it('hand-worked: a quarter against the same quarter a year earlier', () => {
    const r = yearOnYear(series, '2024-08', 3);
    expect(r.current).toEqual({ from: '2024-06', to: '2024-08', count: 20 });
    expect(r.previous).toEqual({ from: '2023-06', to: '2023-08', count: 30 });
    expect(r.changePct).toBeCloseTo(-33.333333333, 8); // (20 - 30) / 30
    expect(r.p).toBe(poissonETest({ k1: 20, k2: 30 }).p);
    expect(Math.abs(r.p - 0.15959582296379984)).toBeLessThan(1e-9); // SciPy 1.17.1 poisson_means_test(20, 1, 30, 1)
  });

  it('one-month window; months absent from the series count as 0', () => {
    const r = yearOnYear(series, '2024-09', 1);
    expect(r.current.count).toBe(0);
    expect(r.previous.count).toBe(0);
    expect(r.changePct).toBeNull();
    expect(r.p).toBe(1);
  });

  it('no base: % change is null, never Infinity', () => {
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(0, 4)).toBe(-100);
    expect(windowCount(new Map(), { from: '2024-01', to: '2024-03' }).count).toBe(0);
  });

  it('reads a comparison in plain words', () => {
    expect(readComparison({ changePct: -33.3333, p: 0.1584, current: { count: 20 }, previous: { count: 30 } }, 0.05)).toBe(
      'down 33.3%; not significant at 0.05 (E-test p = 0.158)',
    );
    expect(readComparison({ changePct: null, p: 0.0001, current: { count: 14 }, previous: { count: 0 } }, 0.05)).toBe('up from none to 14; significant at 0.05');
    expect(readComparison({ changePct: null, p: 1, current: { count: 0 }, previous: { count: 0 } }, 0.05)).toBe('no incidents in either period');
  });
});

describe('KPI rows', () => {
  const opts = { alpha: 0.05, suppressBelow: 5 };

  it('hand-worked row: 120 against 160', () => {
    const r = kpiRow('category', 'Burglary', 120, 160, opts);
    expect(r).toMatchObject({ current: 120, previous: 160, change: -40, changePct: -25, significant: true, direction: 'down', suppressed: false });
    expect(r.p).toBeCloseTo(poissonETest({ k1: 120, k2: 160 }).p, 15);
    expect(r.p!).toBeLessThan(0.05);
  });

  it('withholds counts from 1 to threshold - 1 and everything derived from them; 0 is shown', () => {
    const r = kpiRow('district', 'Torfaen', 3, 12, opts);
    expect(r).toMatchObject({ current: null, previous: 12, change: null, changePct: null, p: null, significant: null, direction: null, suppressed: true });
    expect(r.reading).toBe('suppressed: a count is below 5');
    expect(kpiRow('district', 'X', 0, 12, opts)).toMatchObject({ current: 0, previous: 12, suppressed: false });
    expect(kpiRow('district', 'X', 5, 12, opts).suppressed).toBe(false);
    expect(kpiRow('district', 'X', 4, 12, { ...opts, suppressBelow: 0 }).suppressed).toBe(false);
    expect(kpiRow('district', 'X', 9, 12, { ...opts, suppressBelow: 10 }).current).toBeNull();
  });

  it('unions the keys of both windows, largest first, a missing key being 0', () => {
    const rows = kpiRows('category', new Map([['A', 50], ['B', 7]]), new Map([['A', 40], ['C', 90], [null, 6]]), opts);
    expect(rows.map((r) => [r.key, r.current, r.previous])).toEqual([
      ['C', 0, 90],
      ['A', 50, 40],
      ['B', 7, 0],
      [null, 0, 6],
    ]);
    expect(rows[2]!.changePct).toBeNull();
    expect(kpiRows('force', new Map(), new Map(), opts)).toEqual([]);
  });

  it('both zero: p = 1, no change, not significant', () => {
    expect(kpiRow('all', null, 0, 0, opts)).toMatchObject({ p: 1, change: 0, changePct: null, significant: false, direction: 'unchanged' });
  });
});
