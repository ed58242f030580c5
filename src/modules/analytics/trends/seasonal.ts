import { AppError } from '../../../platform/errors.js';
import { MONTH_NAMES, monthOfYear, monthsBetween } from '../months.js';

/** A monthly count in a series of consecutive months. */
export interface MonthCount {
  month: string;
  count: number;
}

export interface SeasonalIndex {
  /** 1 = January ... 12 = December. */
  month: number;
  name: string;
  /** Multiplicative index (mean 1 over the year); null when the series has too few incidents. */
  index: number | null;
  /** How many ratio-to-moving-average values the index averages. */
  ratios: number;
}

export interface SeasonalIndices {
  from: string;
  to: string;
  months: number;
  indices: SeasonalIndex[];
  /** Why the indices are null, when they are. */
  undefinedReason: string | null;
}

export const MIN_SEASONAL_MONTHS = 24;

export const SEASONAL_METHOD =
  'classical multiplicative decomposition: each month divided by the centred 2x12 moving average, ' +
  'the ratios averaged per month of year and scaled to average 1 (as R decompose())';

/** Checks that the series is consecutive months, long enough for seasonal indices. */
export function checkSeries(series: readonly MonthCount[]): void {
  for (let i = 1; i < series.length; i++) {
    if (monthsBetween(series[i - 1]!.month, series[i]!.month) !== 1) {
      throw new RangeError(`series must be consecutive months: ${series[i - 1]!.month} then ${series[i]!.month}`);
    }
  }
  if (series.length < MIN_SEASONAL_MONTHS) {
    throw new AppError('not_found', `insufficient history: seasonal indices need at least ${MIN_SEASONAL_MONTHS} consecutive months, got ${series.length}`);
  }
}

/** The centred 2x12 moving average at each month (null for the first and last six months). */
export function centredMovingAverage(counts: readonly number[]): (number | null)[] {
  return counts.map((_, t) => {
    if (t < 6 || t + 6 >= counts.length) return null;
    let s = 0.5 * counts[t - 6]! + 0.5 * counts[t + 6]!;
    for (let j = t - 5; j <= t + 5; j++) s += counts[j]!;
    return s / 12;
  });
}

/**
 * Month-of-year indices of a monthly count series (at least 24 consecutive months): the ratio of
 * each month to its centred 2x12 moving average, averaged per month of year, then scaled so the
 * twelve indices average 1. A moving average of 0 (a whole year without incidents) gives no ratio;
 * if a month of year is left with none, the indices are undefined (null) with the reason.
 *
 * @example seasonalIndices(series).indices[11].index // 1.25: December runs 25% above the year's mean
 */
export function seasonalIndices(series: readonly MonthCount[]): SeasonalIndices {
  checkSeries(series);
  const counts = series.map((s) => s.count);
  const ma = centredMovingAverage(counts);
  const sums = new Array<number>(12).fill(0);
  const n = new Array<number>(12).fill(0);
  series.forEach((s, t) => {
    const level = ma[t];
    if (level === null || level === undefined || level <= 0) return;
    const m = monthOfYear(s.month) - 1;
    sums[m]! += s.count / level;
    n[m]! += 1;
  });
  const base = { from: series[0]!.month, to: series.at(-1)!.month, months: series.length };
  if (n.some((k) => k === 0)) {
    return {
      ...base,
      indices: MONTH_NAMES.map((name, i) => ({ month: i + 1, name, index: null, ratios: n[i]! })),
      undefinedReason: 'too few incidents: some month of year has no moving average above 0',
    };
  }
  const raw = sums.map((s, i) => s / n[i]!);
  const mean = raw.reduce((a, b) => a + b, 0) / 12;
  if (mean === 0) {
    return { ...base, indices: MONTH_NAMES.map((name, i) => ({ month: i + 1, name, index: null, ratios: n[i]! })), undefinedReason: 'no incidents' };
  }
  return { ...base, indices: MONTH_NAMES.map((name, i) => ({ month: i + 1, name, index: raw[i]! / mean, ratios: n[i]! })), undefinedReason: null };
}
