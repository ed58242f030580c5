import { poissonETest } from './etest.js';
import { monthRange, yearOnYearWindows, type MonthWindow } from '../months.js';

export interface WindowCount extends MonthWindow {
  count: number;
}

export interface YearOnYear {
  current: WindowCount;
  previous: WindowCount;
  /** (current - previous) / previous x 100; null when the previous count is 0 (no base to compare). */
  changePct: number | null;
  /** Two-sided E-test p-value of the two counts over equal exposures; 1 when both are 0. */
  p: number;
}

/** Sums a monthly series over a window; months absent from the series count as 0. */
export function windowCount(series: ReadonlyMap<string, number>, w: MonthWindow): WindowCount {
  let count = 0;
  for (const m of monthRange(w.from, w.to)) count += series.get(m) ?? 0;
  return { ...w, count };
}

/** Percentage change from `previous` to `current`, or null when there is no base. */
export function percentChange(current: number, previous: number): number | null {
  return previous === 0 ? null : ((current - previous) / previous) * 100;
}

/** Compares two counts over equal windows: % change and the two-sided E-test. */
export function compareCounts(current: WindowCount, previous: WindowCount): YearOnYear {
  return { current, previous, changePct: percentChange(current.count, previous.count), p: poissonETest({ k1: current.count, k2: previous.count }).p };
}

/**
 * The `months`-long window ending at `to` against the same months a year earlier, from a
 * monthly series ('YYYY-MM' -> count). The caller checks first that every month of both
 * windows was imported (see history.ts); a month missing from the series then means 0.
 *
 * @example yearOnYear(new Map([['2024-01', 5], ['2023-01', 10]]), '2024-01', 1).changePct // -50
 */
export function yearOnYear(series: ReadonlyMap<string, number>, to: string, months: number): YearOnYear {
  const w = yearOnYearWindows(to, months);
  return compareCounts(windowCount(series, w.current), windowCount(series, w.previous));
}

/** A plain-language reading of a comparison, for tables and reports. */
export function readComparison(r: { changePct: number | null; p: number | null; current: { count: number | null }; previous: { count: number | null } }, alpha: number): string {
  const cur = r.current.count;
  const prev = r.previous.count;
  if (cur === null || prev === null || r.p === null) return 'suppressed: small numbers';
  if (cur === 0 && prev === 0) return 'no incidents in either period';
  if (r.changePct === null) return `up from none to ${cur}; ${r.p < alpha ? 'significant' : 'not significant'} at ${alpha}`;
  const dir = cur > prev ? 'up' : cur < prev ? 'down' : 'unchanged';
  const pct = `${Math.abs(r.changePct).toFixed(1)}%`;
  return `${dir === 'unchanged' ? 'unchanged' : `${dir} ${pct}`}; ${r.p < alpha ? `significant at ${alpha} (E-test p = ${formatP(r.p)})` : `not significant at ${alpha} (E-test p = ${formatP(r.p)})`}`;
}

export function formatP(p: number): string {
  return p === 0 ? '< 1e-300' : p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
