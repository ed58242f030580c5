import { poissonETest } from './etest.js';
import { monthOfYear, monthsBetween } from '../months.js';
import { countInterval } from './poisson.js';
import { checkSeries, type MonthCount } from './seasonal.js';
import { formatP } from './year-on-year.js';

export interface OutlookMonth {
  month: string;
  /** Months after the last month of the history. */
  horizon: number;
  index: number;
  expected: number;
  low: number;
  high: number;
}

export interface GroupOutlook {
  /** Mean monthly count over the last 12 months of the history (the deseasonalised level). */
  level: number;
  /** Quasi-Poisson dispersion of the monthly forecasts in backtests (variance / mean, at least 1). */
  dispersion: number;
  /** The same for the total of the outlook months. */
  totalDispersion: number;
  /** Backtest forecasts the dispersions rest on. */
  backtests: number;
  months: OutlookMonth[];
  total: { expected: number; low: number; high: number };
  warnings: string[];
}

export const OUTLOOK_METHOD =
  'seasonal index method: expected count = level x month-of-year index, where the level is the mean ' +
  'monthly count of the last 12 months of history (no trend is projected); equal-tailed interval from a ' +
  'negative binomial with variance = dispersion x expected, the dispersion (>= 1, i.e. at least Poisson) ' +
  'estimated from backtests of the same method at the same horizons (capped so at least 7 backtests). ' +
  'Where a level shift (a 6-month count at least doubling or halving, E-test p < 1e-6) is found, only the months ' +
  'since it are used, with the pooled indices of the whole scope';

/** Months at the current level an outlook needs: 12 for the level and enough for 7 backtests. */
export const MIN_SEGMENT = 19;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean squared Pearson residual of (actual, forecast) pairs, floored at 1; 1 when there are none. */
function dispersionOf(pairs: readonly [number, number][]): number {
  const used = pairs.filter(([, f]) => f > 0);
  if (used.length === 0) return 1;
  return Math.max(1, mean(used.map(([a, f]) => ((a - f) * (a - f)) / f)));
}

/**
 * Expected counts for future `months` of a consecutive monthly series (>= 24 months), from the
 * 12 month-of-year `indices` (mean 1), with a (1 - alpha) interval per month and for their total.
 * Warns when the last 3 months run at a rate at least 20% different from the 9 months before,
 * seasonally adjusted, and the E-test says so at p < 0.01: the level may be moving away.
 */
export function seasonalOutlook(series: readonly MonthCount[], indices: readonly number[], months: readonly string[], alpha: number, segmentStart = 0): GroupOutlook {
  checkSeries(series);
  if (indices.length !== 12) throw new RangeError('need 12 month-of-year indices');
  if (series.length - segmentStart < MIN_SEGMENT) throw new RangeError(`the outlook needs ${MIN_SEGMENT} months at the current level`);
  const y = series.map((s) => s.count);
  const n = y.length;
  const end = series[n - 1]!.month;
  const S = (month: string) => indices[monthOfYear(month) - 1]!;
  const levelEndingAt = (t: number) => mean(y.slice(t - 11, t + 1));
  const level = levelEndingAt(n - 1);
  const horizons = months.map((m) => monthsBetween(end, m));
  if (horizons.some((h) => h < 1)) throw new RangeError('outlook months must come after the history');
  // Backtests use only the months at the current level (from segmentStart), and horizons capped
  // so that there are at least 7 of them.
  const cap = (h: number) => Math.min(h, n - segmentStart - 18);

  const monthly: [number, number][] = [];
  for (const h of new Set(horizons.map(cap))) {
    for (let t = segmentStart + h + 11; t < n; t++) monthly.push([y[t]!, levelEndingAt(t - h) * S(series[t]!.month)]);
  }
  const totals: [number, number][] = [];
  const h0 = cap(Math.min(...horizons));
  const span = Math.max(...horizons) - Math.min(...horizons);
  for (let t = segmentStart + h0 + 11; t + span < n; t++) {
    const lvl = levelEndingAt(t - h0);
    let actual = 0;
    let forecast = 0;
    for (const h of horizons) {
      const k = t + h - Math.min(...horizons);
      actual += y[k]!;
      forecast += lvl * S(series[k]!.month);
    }
    totals.push([actual, forecast]);
  }
  const dispersion = dispersionOf(monthly);
  const totalDispersion = dispersionOf(totals);

  const out: OutlookMonth[] = months.map((month, i) => {
    const index = S(month);
    const expected = level * index;
    return { month, horizon: horizons[i]!, index, expected, ...countInterval(expected, dispersion * expected, alpha) };
  });
  const totalExpected = out.reduce((a, m) => a + m.expected, 0);
  const warnings: string[] = [];
  const recent = series.slice(n - 3);
  const before = series.slice(n - 12, n - 3);
  const k1 = recent.reduce((a, s) => a + s.count, 0);
  const k2 = before.reduce((a, s) => a + s.count, 0);
  const e1 = recent.reduce((a, s) => a + S(s.month), 0);
  const e2 = before.reduce((a, s) => a + S(s.month), 0);
  if (k1 + k2 > 0 && e1 > 0 && e2 > 0) {
    const p = poissonETest({ k1, n1: e1, k2, n2: e2 }).p;
    const change = (k1 / e1 / (k2 / e2) - 1) * 100;
    if (p < 0.01 && Math.abs(change) >= 20) {
      warnings.push(
        `level shift: the last 3 months run ${Math.abs(change).toFixed(0)}% ${change < 0 ? 'below' : 'above'} the 9 months before, ` +
          `seasonally adjusted (E-test p = ${p.toExponential(1)}); the outlook uses the 12-month level and may be off`,
      );
    }
  }
  return {
    level, dispersion, totalDispersion, backtests: monthly.length, months: out,
    total: { expected: totalExpected, ...countInterval(totalExpected, totalDispersion * totalExpected, alpha) },
    warnings,
  };
}
