import type { Db } from '../../../platform/db/database.js';
import { countIncidents, incidentFilterSchema, type IncidentFilter } from '../../police-data/index.js';
import { comparePeriods, parseQuarter, rollingQuarter } from '../../kpis/index.js';
import { comparisonBlocked, missingMonths } from '../coverage.js';
import { analysedCoverage } from '../coverage.queries.js';
import { dbProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { commonMonths, runEndingAt } from './history.js';
import { compareFigures, planComparison, type ComparisonFigures, type ComparisonKind, type MonthSpan, type PeriodRules } from './comparisons.js';
import { MIN_SEASONAL_MONTHS, SEASONAL_METHOD, seasonalIndices } from './seasonal.js';
import type { ComparisonParams } from './trends.schema.js';

const RULES: PeriodRules = { parseQuarter, rollingQuarter, comparePeriods };

export type ComparisonResult =
  | ({
      available: true;
      kind: ComparisonKind;
      description: string;
      current: MonthSpan;
      baseline: MonthSpan;
      exposures: [number, number];
      alpha: number;
      provenance: AnalysisProvenance;
    } & ComparisonFigures)
  | {
      available: false;
      kind: ComparisonKind;
      /** Why the comparison is not made (not enough history, or a missing month). */
      reason: string;
      current: MonthSpan | null;
      baseline: MonthSpan | null;
      provenance: AnalysisProvenance;
    };

const filterOf = (q: ComparisonParams, span?: { from: string; to: string }): IncidentFilter =>
  incidentFilterSchema.parse({ force: q.force, category: q.category, district: q.district, from: span?.from, to: span?.to });

async function total(db: Db, q: ComparisonParams, span: MonthSpan): Promise<number> {
  return (await countIncidents(db, 'month', filterOf(q, span))).total;
}

/**
 * Quarter on the previous quarter, a month on the three before it, or the year to date on the
 * same months a year earlier, with the E-test and a seasonal note. Not enough history, or a month
 * of either period missing, answers `available: false` with the reason (never an error).
 */
export async function comparison(db: Db, q: ComparisonParams): Promise<ComparisonResult> {
  const coverage = await analysedCoverage(db, { force: q.force, district: q.district });
  const parameters = { kind: q.kind, period: q.period ?? null, calendar: q.calendar, alpha: q.alpha, test: 'E-test (Krishnamoorthy and Thomson 2004), two-sided' };
  if (!coverage.dataCutoff) {
    const provenance = await dbProvenance(db, 'comparison', filterOf(q), parameters, [], { coverage, needed: [] });
    return { available: false, kind: q.kind, reason: 'no street data is imported for the forces in scope', current: null, baseline: null, provenance };
  }
  const plan = planComparison(RULES, q.kind, q.period, coverage.dataCutoff, q.calendar);
  const needed = [plan.current, plan.baseline];
  const blocked = comparisonBlocked(coverage, plan.baseline.label, plan.baseline) ?? comparisonBlocked(coverage, plan.current.label, plan.current);
  const common = commonMonths(coverage.months);
  const run = runEndingAt(common, coverage.dataCutoff);
  const notes = ['Counts include incidents published without a location.', 'The change is per month, so periods of different lengths compare fairly.'];
  const provenance = await dbProvenance(db, 'comparison', filterOf(q), { ...parameters, current: { from: plan.current.from, to: plan.current.to }, baseline: { from: plan.baseline.from, to: plan.baseline.to }, exposures: plan.exposures }, notes, { coverage, needed });
  if (blocked) {
    const missing = missingMonths(coverage, needed);
    const history = run.length ? `the data held run ${run[0]} to ${run.at(-1)}` : 'no months are held by every force in scope';
    return {
      available: false, kind: q.kind, current: plan.current, baseline: plan.baseline,
      reason: `not enough history: ${plan.description} needs every month of both periods, and ${missing.byForce.map((f) => `${f.force} lacks ${f.months.join(', ')}`).join('; ')} (${history})`,
      provenance,
    };
  }
  let indices = null;
  if (q.kind !== 'ytd' && run.length >= MIN_SEASONAL_MONTHS) {
    const series = new Map((await countIncidents(db, 'month', filterOf(q, { from: run[0]!, to: run.at(-1)! }))).rows.map((r) => [r.key, r.count]));
    const si = seasonalIndices(run.map((month) => ({ month, count: series.get(month) ?? 0 })));
    if (!si.undefinedReason) {
      indices = si.indices;
      notes.push(`Seasonal adjustment: ${SEASONAL_METHOD}, over ${run.length} months (${run[0]}..${run.at(-1)}).`);
    }
  }
  const figures = compareFigures(plan, await total(db, q, plan.current), await total(db, q, plan.baseline), q.alpha, indices);
  return { available: true, kind: q.kind, description: plan.description, current: plan.current, baseline: plan.baseline, exposures: plan.exposures, alpha: q.alpha, ...figures, provenance };
}
