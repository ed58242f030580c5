import { poissonETest } from '../../../platform/stats/etest.js';
import type { MonthCount } from './seasonal.js';

export interface LevelShift {
  /** First month at the new level. */
  month: string;
  /** Index of that month in the series. */
  index: number;
  /** Count of the 6 months from `month` over the 6 months before it. */
  ratio: number;
  /** Two-sided E-test p-value of those two 6-month counts. */
  p: number;
}

/** Half-window of the comparison, in months. */
const HALF = 6;

/**
 * The strongest step change in a monthly series: the month where the next 6 months' count is at
 * least double, or at most half, the previous 6 months' count, and the E-test rejects equal rates
 * at p < 1e-6; the largest step (in log ratio) wins. Recording changes and reclassifications
 * (e.g. a category's counts jumping tenfold in one month) show up this way; ordinary seasonality
 * does not move a 6-month total that much.
 *
 * @example detectLevelShift(series)?.month // '2023-10'
 */
export function detectLevelShift(series: readonly MonthCount[]): LevelShift | null {
  const y = series.map((s) => s.count);
  let best: LevelShift | null = null;
  for (let t = HALF; t + HALF <= y.length; t++) {
    let before = 0;
    let after = 0;
    for (let j = 0; j < HALF; j++) {
      before += y[t - HALF + j]!;
      after += y[t + j]!;
    }
    const ratio = (after + 0.5) / (before + 0.5);
    if (ratio < 2 && ratio > 0.5) continue;
    if (best && Math.abs(Math.log(ratio)) <= Math.abs(Math.log(best.ratio))) continue;
    const p = poissonETest({ k1: after, k2: before }).p;
    if (p < 1e-6) best = { month: series[t]!.month, index: t, ratio: after / Math.max(before, 1e-9), p };
  }
  if (best && best.ratio > 1e6) best.ratio = Infinity;
  return best;
}
