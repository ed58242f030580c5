import { detectLevelShift, type LevelShift } from './level-shift.js';
import { MIN_SEGMENT, seasonalOutlook, type GroupOutlook, type OutlookMonth } from './outlook.js';
import { seasonalIndices, type MonthCount, type SeasonalIndices } from './seasonal.js';
import { formatP } from './year-on-year.js';

/** A group's series needs this mean monthly count to get its own indices; smaller groups borrow the pooled ones. */
export const MIN_MEAN_FOR_OWN_INDICES = 10;

export type OutlookDimension = 'all' | 'category' | 'district';

export interface OutlookInput {
  dimension: OutlookDimension;
  key: string | null;
  series: MonthCount[];
  /** Counts already in the data for the outlook months (a backtest), when every one of them is imported. */
  actual?: ReadonlyMap<string, number> | undefined;
}

export interface OutlookRow extends Omit<GroupOutlook, 'months' | 'total'> {
  dimension: OutlookDimension;
  key: string | null;
  /** 'own' indices of the group's series, or the 'pooled' indices of the whole scope. */
  indexSource: 'own' | 'pooled';
  /** A step change found in the history: the outlook then uses only the months since it. */
  levelShift: LevelShift | null;
  months: (OutlookMonth & { actual?: number })[];
  total: GroupOutlook['total'] & { actual?: number };
}

export interface OmittedGroup {
  dimension: OutlookDimension;
  key: string | null;
  lastYearCount: number;
  reason: string;
}

/**
 * The winter outlook for each group: its own month-of-year indices when it averages at least
 * MIN_MEAN_FOR_OWN_INDICES a month (and they are defined), else the pooled indices of the scope.
 * A group whose history has a level shift (see detectLevelShift) gets the pooled indices and only
 * the months since the shift for its level and backtests; with fewer than MIN_SEGMENT such months
 * it is omitted rather than forecast from a level that no longer holds.
 */
export function outlookRows(inputs: readonly OutlookInput[], pooled: SeasonalIndices, months: readonly string[], alpha: number): { rows: OutlookRow[]; omitted: OmittedGroup[] } {
  const rows: OutlookRow[] = [];
  const omitted: OmittedGroup[] = [];
  const pooledIdx = pooled.undefinedReason === null ? pooled.indices.map((i) => i.index!) : null;
  for (const g of inputs) {
    const total = g.series.reduce((a, s) => a + s.count, 0);
    const lastYearCount = g.series.slice(-12).reduce((a, s) => a + s.count, 0);
    let idx: number[] | null = null;
    let indexSource: 'own' | 'pooled' = 'own';
    const shift = detectLevelShift(g.series);
    const shiftNote = shift ? `level shift in ${shift.month} (6-month count x${shift.ratio.toPrecision(2)}, E-test p = ${formatP(shift.p)})` : '';
    if (shift && g.series.length - shift.index < MIN_SEGMENT) {
      omitted.push({ dimension: g.dimension, key: g.key, lastYearCount, reason: `${shiftNote}: only ${g.series.length - shift.index} months since, the outlook needs ${MIN_SEGMENT}` });
      continue;
    }
    if (shift && g.dimension !== 'all' && pooledIdx) {
      idx = pooledIdx;
      indexSource = 'pooled';
    } else if (total / g.series.length >= MIN_MEAN_FOR_OWN_INDICES) {
      const own = seasonalIndices(g.series);
      if (own.undefinedReason === null) idx = own.indices.map((i) => i.index!);
    }
    if (!idx) {
      idx = pooledIdx;
      indexSource = 'pooled';
    }
    if (!idx) {
      omitted.push({ dimension: g.dimension, key: g.key, lastYearCount, reason: `no seasonal indices: ${pooled.undefinedReason ?? 'too few incidents'}` });
      continue;
    }
    const o = seasonalOutlook(g.series, idx, months, alpha, shift?.index ?? 0);
    if (shift) o.warnings.unshift(`${shiftNote}: level and backtests use ${shift.month} onwards${indexSource === 'pooled' ? ', with the pooled indices' : ''}`);
    const actual = g.actual;
    rows.push({
      ...o,
      levelShift: shift,
      dimension: g.dimension,
      key: g.key,
      indexSource,
      months: o.months.map((m) => (actual ? { ...m, actual: actual.get(m.month) ?? 0 } : m)),
      total: actual ? { ...o.total, actual: months.reduce((a, m) => a + (actual.get(m) ?? 0), 0) } : o.total,
    });
  }
  return { rows, omitted };
}
