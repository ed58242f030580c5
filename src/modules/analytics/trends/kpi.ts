import { percentChange, readComparison } from './year-on-year.js';
import { poissonETest } from '../../../platform/stats/etest.js';

export type KpiDimension = 'all' | 'category' | 'district' | 'force';

export interface KpiOptions {
  /** Significance level of the flag (two-sided E-test); default 0.05. */
  alpha: number;
  /**
   * Counts from 1 to suppressBelow - 1 are withheld (null) in published tables, with every figure
   * derived from them; 0 and counts >= suppressBelow are shown. 0 turns suppression off.
   */
  suppressBelow: number;
}

export interface KpiRow {
  dimension: KpiDimension;
  /** Category, district or force; null for rows without one (e.g. no location, hence no district). */
  key: string | null;
  current: number | null;
  previous: number | null;
  change: number | null;
  changePct: number | null;
  p: number | null;
  significant: boolean | null;
  direction: 'up' | 'down' | 'unchanged' | null;
  /** True when a count in the row is small enough to be withheld. */
  suppressed: boolean;
  reading: string;
}

/** True when a count must be withheld under the threshold. */
export function isSmall(count: number, suppressBelow: number): boolean {
  return count > 0 && count < suppressBelow;
}

/** One row: the comparison, then suppression of small counts and of everything derived from them. */
export function kpiRow(dimension: KpiDimension, key: string | null, current: number, previous: number, opts: KpiOptions): KpiRow {
  const p = poissonETest({ k1: current, k2: previous }).p;
  const changePct = percentChange(current, previous);
  const smallCur = isSmall(current, opts.suppressBelow);
  const smallPrev = isSmall(previous, opts.suppressBelow);
  if (smallCur || smallPrev) {
    const row = { current: smallCur ? null : current, previous: smallPrev ? null : previous, changePct: null, p: null };
    return {
      dimension, key, ...row, change: null, significant: null, direction: null, suppressed: true,
      reading: `suppressed: a count is below ${opts.suppressBelow}`,
    };
  }
  return {
    dimension, key, current, previous, change: current - previous, changePct, p,
    significant: p < opts.alpha,
    direction: current > previous ? 'up' : current < previous ? 'down' : 'unchanged',
    suppressed: false,
    reading: readComparison({ changePct, p, current: { count: current }, previous: { count: previous } }, opts.alpha),
  };
}

/**
 * KPI rows for one dimension from the counts of the current and the previous window, keyed by
 * category/district/force. Keys seen in either window appear; a key absent from a window is 0.
 * Rows are ordered by the larger of the two counts, largest first, then by key.
 */
export function kpiRows(
  dimension: KpiDimension,
  current: ReadonlyMap<string | null, number>,
  previous: ReadonlyMap<string | null, number>,
  opts: KpiOptions,
): KpiRow[] {
  const keys = [...new Set([...current.keys(), ...previous.keys()])];
  const size = (k: string | null) => Math.max(current.get(k) ?? 0, previous.get(k) ?? 0);
  keys.sort((a, b) => size(b) - size(a) || (a ?? '').localeCompare(b ?? ''));
  return keys.map((k) => kpiRow(dimension, k, current.get(k) ?? 0, previous.get(k) ?? 0, opts));
}
