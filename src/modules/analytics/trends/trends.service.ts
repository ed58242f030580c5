import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { countIncidents, dataSummary, incidentFilterSchema, type CountBy, type IncidentFilter } from '../../police-data/index.js';
import { dbProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { commonMonths, insufficientHistory, missingHistory, runEndingAt, type Coverage } from './history.js';
import { isSmall, kpiRow, kpiRows, type KpiRow } from './kpi.js';
import { addMonths, monthOfYear, monthRange, yearOnYearWindows, type MonthWindow } from '../months.js';
import { OUTLOOK_METHOD } from './outlook.js';
import { MIN_SEASONAL_MONTHS, SEASONAL_METHOD, seasonalIndices, type MonthCount, type SeasonalIndex } from './seasonal.js';
import { outlookRows, type OmittedGroup, type OutlookInput, type OutlookRow } from './winter-outlook.js';
import { compareCounts, readComparison, windowCount, type WindowCount } from './year-on-year.js';
import type { KpiParams, SeasonalParams, TrendParams } from './trends.schema.js';

/** The analyses of imported data behind `hub analyse trend|seasonal` and /api/analytics/{trend,kpis,seasonal}. */

interface Scope {
  force: string[];
  category: string[];
  district: string[];
}

function filterOf(scope: Scope, window?: MonthWindow): IncidentFilter {
  return incidentFilterSchema.parse({ force: scope.force, category: scope.category, district: scope.district, from: window?.from, to: window?.to });
}

/** Months with imported street data per force in scope (all forces held when none is named). */
export async function forceCoverage(db: Db, forces: readonly string[]): Promise<Coverage> {
  const ids = forces.length ? [...new Set(forces)] : (await dataSummary(db)).forces.map((f) => f.id);
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    const { rows } = await countIncidents(db, 'month', incidentFilterSchema.parse({ force: [id] }));
    out.set(id, new Set(rows.filter((r) => r.key !== null && r.count > 0).map((r) => r.key!)));
  }
  return out;
}

/** The latest month every force in scope has data for; throws when there is none. */
function latestCommonMonth(coverage: Coverage): string {
  const common = [...commonMonths(coverage)].sort();
  const last = common.at(-1);
  if (!last) {
    const none = [...coverage].filter(([, m]) => m.size === 0).map(([f]) => f);
    throw insufficientHistory(coverage.size === 0 ? 'no street data has been imported' : none.length ? `no street data imported for ${none.join(', ')}` : 'the forces in scope have no month in common', []);
  }
  return last;
}

async function monthlySeries(db: Db, scope: Scope, window: MonthWindow): Promise<Map<string, number>> {
  const { rows } = await countIncidents(db, 'month', filterOf(scope, window));
  return new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.count]));
}

/** Checks both windows are imported for every force in scope, else refuses with what is missing. */
async function checkWindows(db: Db, scope: Scope, to: string | undefined, months: number) {
  const coverage = await forceCoverage(db, scope.force);
  const end = to ?? latestCommonMonth(coverage);
  const w = yearOnYearWindows(end, months);
  const missing = missingHistory(coverage, [...monthRange(w.previous.from, w.previous.to), ...monthRange(w.current.from, w.current.to)]);
  if (coverage.size === 0 || missing.length) {
    throw insufficientHistory(
      `year-on-year for ${w.current.from}..${w.current.to} needs the same months a year earlier (${w.previous.from}..${w.previous.to}) and both windows imported for every force in scope`,
      missing,
    );
  }
  return { w, coverage };
}

export interface TrendResult {
  current: WindowCount | (MonthWindow & { count: number | null });
  previous: WindowCount | (MonthWindow & { count: number | null });
  changePct: number | null;
  p: number | null;
  suppressed: boolean;
  reading: string;
  provenance: AnalysisProvenance;
}

/** The rolling window ending at `to` against the same window a year earlier. */
export async function trend(db: Db, q: TrendParams): Promise<TrendResult> {
  const { w } = await checkWindows(db, q, q.to, q.months);
  const series = await monthlySeries(db, q, { from: w.previous.from, to: w.current.to });
  const r = compareCounts(windowCount(series, w.current), windowCount(series, w.previous));
  const small = isSmall(r.current.count, q.suppressBelow) || isSmall(r.previous.count, q.suppressBelow);
  const parameters = { to: w.current.to, months: q.months, suppressBelow: q.suppressBelow, test: 'E-test (Krishnamoorthy and Thomson 2004), two-sided, equal exposures' };
  const provenance = await dbProvenance(db, 'trend', filterOf(q), parameters, [
    'Counts include incidents published without a location.',
    'Recent months may be revised when data.police.uk republishes them.',
  ], { needed: [w.previous, w.current] });
  if (small) {
    const hide = (c: WindowCount) => ({ ...c, count: isSmall(c.count, q.suppressBelow) ? null : c.count });
    return { current: hide(r.current), previous: hide(r.previous), changePct: null, p: null, suppressed: true, reading: `suppressed: a count is below ${q.suppressBelow}`, provenance };
  }
  return { ...r, suppressed: false, reading: readComparison(r, 0.05), provenance };
}

export interface KpiTable {
  current: MonthWindow;
  previous: MonthWindow;
  alpha: number;
  suppressBelow: number;
  rows: KpiRow[];
  provenance: AnalysisProvenance;
}

async function countsBy(db: Db, by: CountBy, scope: Scope, window: MonthWindow): Promise<Map<string | null, number>> {
  const { rows } = await countIncidents(db, by, filterOf(scope, window));
  return new Map(rows.map((r) => [r.key, r.count]));
}

/** Rolling window vs the same window a year earlier: a total row, then rows per category, district and force. */
export async function kpiTable(db: Db, q: KpiParams): Promise<KpiTable> {
  const { w } = await checkWindows(db, q, q.to, q.months);
  const opts = { alpha: q.alpha, suppressBelow: q.suppressBelow };
  const [curForce, prevForce] = await Promise.all([countsBy(db, 'force', q, w.current), countsBy(db, 'force', q, w.previous)]);
  const sum = (m: Map<string | null, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows: KpiRow[] = [kpiRow('all', null, sum(curForce), sum(prevForce), opts)];
  for (const dim of q.by) {
    const [cur, prev] = dim === 'force' ? [curForce, prevForce] : await Promise.all([countsBy(db, dim, q, w.current), countsBy(db, dim, q, w.previous)]);
    rows.push(...kpiRows(dim, cur, prev, opts));
  }
  const parameters = { to: w.current.to, months: q.months, by: q.by, alpha: q.alpha, suppressBelow: q.suppressBelow, test: 'E-test (Krishnamoorthy and Thomson 2004), two-sided' };
  const provenance = await dbProvenance(db, 'kpis', filterOf(q), parameters, [
    `Counts from 1 to ${Math.max(0, q.suppressBelow - 1)} are withheld with every figure derived from them (primary suppression only: a total minus the shown rows can reveal a withheld count).`,
    'The significance flag is per row (no correction for testing many rows).',
    'Counts include incidents published without a location; their district is null.',
  ], { needed: [w.previous, w.current] });
  return { current: w.current, previous: w.previous, alpha: q.alpha, suppressBelow: q.suppressBelow, rows, provenance };
}

export interface SeasonalResult {
  history: MonthWindow & { months: number };
  method: string;
  indices: SeasonalIndex[];
  undefinedReason: string | null;
  outlook?: {
    winter: string[];
    alpha: number;
    method: string;
    rows: OutlookRow[];
    omitted: OmittedGroup[];
  };
  provenance: AnalysisProvenance;
}

/** The winter (November to January) after `cutoff`: the first November after it. */
export function nextWinter(cutoff: string): number {
  const year = Number(cutoff.slice(0, 4));
  return monthOfYear(cutoff) <= 10 ? year : year + 1;
}

export const winterMonths = (year: number): string[] => [`${year}-11`, `${year}-12`, `${year + 1}-01`];

/** Month-of-year indices of the scope's monthly counts, and optionally the winter outlook by category and district. */
export async function seasonal(db: Db, q: SeasonalParams): Promise<SeasonalResult> {
  const coverage = await forceCoverage(db, q.force);
  const common = commonMonths(coverage);
  const latest = latestCommonMonth(coverage);
  // For a past winter the history stops in the October before it, so the outlook is a fair backtest.
  const end = q.winter !== undefined && `${q.winter}-10` < latest ? `${q.winter}-10` : latest;
  const run = runEndingAt(common, end);
  if (run.length < MIN_SEASONAL_MONTHS) {
    const needed = monthRange(addMonths(end, -(MIN_SEASONAL_MONTHS - 1)), end);
    throw insufficientHistory(
      `seasonal indices need ${MIN_SEASONAL_MONTHS} consecutive months ending ${end}; the forces in scope have ${run.length}${run.length ? ` (${run[0]}..${end})` : ''}`,
      missingHistory(coverage, needed),
    );
  }
  const history = { from: run[0]!, to: end };
  const seriesOf = async (scope: Scope): Promise<MonthCount[]> => {
    const m = await monthlySeries(db, scope, history);
    return run.map((month) => ({ month, count: m.get(month) ?? 0 }));
  };
  const all = await seriesOf(q);
  const si = seasonalIndices(all);
  const notes = ['Counts include incidents published without a location (in the total, not in any district).'];
  const outlook = q.outlook ? await winterOutlook(db, q, { all, si, end, common, notes }) : undefined;
  const provenance = await dbProvenance(db, 'seasonal', filterOf(q), { outlook: q.outlook, winter: q.winter ?? null, alpha: q.alpha, history }, notes, { needed: [history] });
  return {
    history: { ...history, months: run.length },
    method: `${SEASONAL_METHOD}, over ${run.length} months (${history.from}..${history.to})`,
    indices: si.indices,
    undefinedReason: si.undefinedReason,
    ...(outlook ? { outlook } : {}),
    provenance,
  };
}

async function winterOutlook(
  db: Db,
  q: SeasonalParams,
  ctx: { all: MonthCount[]; si: ReturnType<typeof seasonalIndices>; end: string; common: Set<string>; notes: string[] },
): Promise<NonNullable<SeasonalResult['outlook']>> {
  const year = q.winter ?? nextWinter(ctx.end);
  const months = winterMonths(year);
  if (months[0]! <= ctx.end) throw insufficientHistory(`the outlook for winter ${year} needs history ending before ${months[0]}`, []);
  if (year > nextWinter(ctx.end)) {
    throw new AppError('validation', `winter: ${year} is beyond the next winter after the data (${nextWinter(ctx.end)}, data to ${ctx.end}); the outlook projects no trend, so it looks one winter ahead at most`);
  }
  const actualAvailable = months.every((m) => ctx.common.has(m));
  if (!actualAvailable && months.some((m) => ctx.common.has(m))) ctx.notes.push('Some winter months are in the data but not all of them: no actuals shown.');
  const actuals = async (scope: Scope) => (actualAvailable ? monthlySeries(db, scope, { from: months[0]!, to: months[2]! }) : undefined);
  const run = ctx.all.map((s) => s.month);
  const seriesOf = async (scope: Scope): Promise<MonthCount[]> => {
    const m = await monthlySeries(db, scope, { from: run[0]!, to: ctx.end });
    return run.map((month) => ({ month, count: m.get(month) ?? 0 }));
  };
  const inputs: OutlookInput[] = [{ dimension: 'all', key: null, series: ctx.all, actual: await actuals(q) }];
  const omitted: OmittedGroup[] = [];
  const lastYear = { from: addMonths(ctx.end, -11), to: ctx.end };
  for (const dimension of ['category', 'district'] as const) {
    const counts = [...(await countsBy(db, dimension, q, lastYear))].sort((a, b) => b[1] - a[1]);
    for (const [key, n] of counts) {
      if (key === null) continue;
      if (n < MIN_LAST_YEAR) {
        omitted.push({ dimension, key, lastYearCount: n, reason: `fewer than ${MIN_LAST_YEAR} incidents in the last 12 months` });
        continue;
      }
      const scope = { ...q, [dimension]: [key] };
      inputs.push({ dimension, key, series: await seriesOf(scope), actual: await actuals(scope) });
    }
  }
  const out = outlookRows(inputs, ctx.si, months, q.alpha);
  return { winter: months, alpha: q.alpha, method: OUTLOOK_METHOD, rows: out.rows, omitted: [...out.omitted, ...omitted] };
}

/** Groups with fewer incidents than this in the last 12 months get no outlook row (listed as omitted). */
const MIN_LAST_YEAR = 12;
