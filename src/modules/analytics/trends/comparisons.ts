import { AppError } from '../../../platform/errors.js';
import { poissonETest } from '../../../platform/stats/etest.js';
import { addMonths, monthOfYear, monthRange } from '../months.js';
import type { SeasonalIndex } from './seasonal.js';
import { formatP } from './year-on-year.js';

/**
 * Comparisons a force with one year of data can use: quarter on the previous quarter, a month on
 * the previous three months (an E-test with exposures 1 and 3), and the year to date against the
 * same months a year earlier (from 1 April, the police year, unless calendar years are asked for).
 */
/** A span of whole months (the KPI module's MonthSpan). */
export interface MonthSpan {
  label: string;
  from: string;
  to: string;
  months: string[];
}

/**
 * The period rules the plan uses: the quarter notation and the year to date of the KPI module
 * (src/modules/kpis, passed in by the service so this file stays pure).
 */
export interface PeriodRules {
  parseQuarter: (text: string) => MonthSpan;
  rollingQuarter: (month: string) => MonthSpan;
  comparePeriods: (current: MonthSpan, comparison: { kind: 'previous-quarter' } | { kind: 'year-to-date' }) => { current: MonthSpan; previous: MonthSpan };
}

export const comparisonKinds = ['quarter', 'month', 'ytd'] as const;
export type ComparisonKind = (typeof comparisonKinds)[number];

export interface ComparisonPlan {
  kind: ComparisonKind;
  current: MonthSpan;
  baseline: MonthSpan;
  /** Exposures of the E-test in months: [current, baseline]. */
  exposures: [number, number];
  /** What is compared with what, in words. */
  description: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function spanOf(label: string, from: string, to: string): MonthSpan {
  return { label, from, to, months: monthRange(from, to) };
}

/** The latest whole quarter (calendar, or financial from April) ending at or before `cutoff`. */
export function latestQuarter(cutoff: string, calendar: boolean): string {
  let end = cutoff;
  // calendar and financial quarters both end in March, June, September and December
  while (monthOfYear(end) % 3 !== 0) end = addMonths(end, -1);
  const y = Number(end.slice(0, 4));
  const m = monthOfYear(end);
  if (calendar) return `${y}Q${m / 3}`;
  const startYear = m >= 4 ? y : y - 1;
  const q = Math.floor(((m - 4 + 12) % 12) / 3) + 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}Q${q}`;
}

/**
 * The periods of a comparison. `period`: a quarter ('2025Q3' calendar, '2025-26Q2' financial)
 * for 'quarter'; a month (YYYY-MM) for 'month' and for the last month of 'ytd'. Without it, the
 * latest period ending at the data cut-off. Throws a validation error for a malformed period.
 */
export function planComparison(rules: PeriodRules, kind: ComparisonKind, period: string | undefined, cutoff: string, calendar: boolean): ComparisonPlan {
  const { parseQuarter, comparePeriods, rollingQuarter } = rules;
  if (kind === 'quarter') {
    const current = parseQuarter(period ?? latestQuarter(cutoff, calendar));
    const { previous } = comparePeriods(current, { kind: 'previous-quarter' });
    return {
      kind, current, baseline: { ...previous, label: `the quarter before (${previous.from} to ${previous.to})` }, exposures: [3, 3],
      description: `${current.label} (${current.from} to ${current.to}) against the quarter before (${previous.from} to ${previous.to})`,
    };
  }
  const month = period ?? cutoff;
  if (!MONTH.test(month)) throw new AppError('validation', `period: must be a month, YYYY-MM (got '${month}')`);
  if (kind === 'month') {
    const baseline = spanOf(`the three months before (${addMonths(month, -3)} to ${addMonths(month, -1)})`, addMonths(month, -3), addMonths(month, -1));
    return {
      kind, current: spanOf(month, month, month), baseline, exposures: [1, 3],
      description: `${month} against the average month of the three months before (${baseline.from} to ${baseline.to})`,
    };
  }
  if (calendar) {
    const from = `${month.slice(0, 4)}-01`;
    const current = spanOf(`calendar year to date ${month}`, from, month);
    const baseline = spanOf(`the same months a year earlier (${addMonths(from, -12)} to ${addMonths(month, -12)})`, addMonths(from, -12), addMonths(month, -12));
    return { kind, current, baseline, exposures: [current.months.length, current.months.length], description: `${from} to ${month} against ${baseline.from} to ${baseline.to}` };
  }
  const { current, previous } = comparePeriods(rollingQuarter(month), { kind: 'year-to-date' });
  return {
    kind, current: { ...current, label: `police year to date ${month} (from 1 April)` }, baseline: { ...previous, label: `the same months a year earlier (${previous.from} to ${previous.to})` },
    exposures: [current.months.length, previous.months.length], description: `${current.from} to ${current.to} against ${previous.from} to ${previous.to}`,
  };
}

export interface SeasonalCheck {
  /** Change after dividing each count by the mean seasonal index of its months; null when not adjusted. */
  adjustedChangePct: number | null;
  /** Whether most of the change is the season's (set only when adjusted). */
  mostlySeasonal: boolean | null;
  note: string;
}

export interface ComparisonFigures {
  currentCount: number;
  baselineCount: number;
  /** Per-month rate change, current on baseline, in %; null when the baseline is 0. */
  changePct: number | null;
  /** Two-sided E-test p-value with the plan's exposures; null when both counts are 0. */
  p: number | null;
  significant: boolean | null;
  reading: string;
  seasonal: SeasonalCheck;
}

const meanIndex = (months: readonly string[], indices: readonly SeasonalIndex[]): number | null => {
  const values = months.map((m) => indices.find((i) => i.month === monthOfYear(m))?.index ?? null);
  if (values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
};

/**
 * The comparison's figures (pure). `indices`: month-of-year seasonal indices when two years of
 * history exist, else null. The change is per month (the exposures), so a month is compared with
 * the average month of the three before it.
 */
export function compareFigures(plan: ComparisonPlan, current: number, baseline: number, alpha: number, indices: readonly SeasonalIndex[] | null): ComparisonFigures {
  const [n1, n2] = plan.exposures;
  const rate1 = current / n1;
  const rate2 = baseline / n2;
  const changePct = baseline === 0 ? null : ((rate1 - rate2) / rate2) * 100;
  const p = current + baseline === 0 ? null : poissonETest({ k1: current, k2: baseline, n1, n2 }).p;
  const significant = p === null ? null : p < alpha;
  const level = `${Math.round(alpha * 100)}%`;
  const direction = current === 0 && baseline === 0 ? 'no incidents in either period' : changePct === null ? `up from none to ${current}` : `${changePct > 0 ? 'up' : changePct < 0 ? 'down' : 'unchanged'}${changePct === 0 ? '' : ` ${Math.abs(changePct).toFixed(1)}%`} per month`;
  const reading = p === null ? direction : `${direction}; ${significant ? `distinguishable from no change at the ${level} level` : `not distinguishable from no change at the ${level} level`} (E-test p = ${formatP(p)})`;

  let seasonal: SeasonalCheck;
  if (plan.kind === 'ytd') {
    seasonal = { adjustedChangePct: null, mostlySeasonal: null, note: 'The same months a year apart: the season does not explain the change.' };
  } else if (!indices) {
    seasonal = { adjustedChangePct: null, mostlySeasonal: null, note: 'Less than two years of data: the change may be seasonal, and it cannot be adjusted for the season.' };
  } else {
    const s1 = meanIndex(plan.current.months, indices);
    const s2 = meanIndex(plan.baseline.months, indices);
    if (s1 === null || s2 === null || s1 <= 0 || s2 <= 0 || baseline === 0) {
      seasonal = { adjustedChangePct: null, mostlySeasonal: null, note: 'The seasonal indices are undefined for these months: the change is not adjusted for the season.' };
    } else {
      const adjusted = ((rate1 / s1 - rate2 / s2) / (rate2 / s2)) * 100;
      const raw = changePct ?? 0;
      const mostly = raw !== 0 && (Math.sign(adjusted) !== Math.sign(raw) || Math.abs(adjusted) < Math.abs(raw) / 2);
      seasonal = {
        adjustedChangePct: adjusted,
        mostlySeasonal: mostly,
        note: mostly
          ? `The change is mostly seasonal: adjusted for the season it is ${adjusted > 0 ? '+' : ''}${adjusted.toFixed(1)}% (unadjusted ${raw > 0 ? '+' : ''}${raw.toFixed(1)}%).`
          : `Adjusted for the season the change is ${adjusted > 0 ? '+' : ''}${adjusted.toFixed(1)}%.`,
      };
    }
  }
  return { currentCount: current, baselineCount: baseline, changePct, p, significant, reading, seasonal };
}
