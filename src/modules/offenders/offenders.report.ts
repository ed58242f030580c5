/**
 * Offender management in the quarterly report: tags in use by funder and type, and cohort sizes,
 * on the last day of the quarter (or the as-at day when the quarter has not ended).
 */
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportPeriod, ReportSectionContent } from '../../platform/module/report.js';
import { offenderCounts } from './reports.service.js';

const VERSION = 'offender management counts v1';

export async function offendersSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const day = period.to < period.asOf ? period.to : period.asOf;
  const c = await offenderCounts(ctx, { asOf: day });
  const source = (definition: string): FigureSource => ({
    definition, version: VERSION, source: c.provenance.source, filters: ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {}, dataCutoff: day,
  });
  const notes = [...c.provenance.definitions];
  const tables: ReportSectionContent['tables'][number][] = [];
  const funders = [...new Set(c.tagsInUseByFunder.map((r) => r.funder))].sort();
  const types = [...new Set(c.tagsInUseByFunder.map((r) => r.type))].sort();
  if (funders.length) {
    tables.push({
      id: 'tags-in-use', title: `Tags in use on ${day}, by funder and type`, rows: funders, cols: types.map((t) => (t === 'gps' ? 'GPS' : t === 'alcohol' ? 'Alcohol' : t)),
      cells: funders.map((f) => types.map((t) => c.tagsInUseByFunder.find((r) => r.funder === f && r.type === t)?.count ?? 0)),
      rowTotals: true, colTotals: true, source: source('Tags allocated to a person on the day (allocation started on or before it, not ended by it)'),
    });
  } else notes.push(`No tags were in use on ${day}.`);
  const cohortTypes = [...new Set(c.cohortSizes.map((r) => r.type))].sort();
  const districts = [...new Set(c.cohortSizes.map((r) => r.district))].sort();
  if (cohortTypes.length) {
    tables.push({
      id: 'cohort-sizes', title: `Cohort members on ${day}, by cohort and district`, rows: cohortTypes, cols: districts,
      cells: cohortTypes.map((t) => districts.map((d) => c.cohortSizes.filter((r) => r.type === t && r.district === d).reduce((n, r) => n + r.members, 0))),
      rowTotals: true, colTotals: true, source: source('People in a cohort on the day (between selection and de-selection, both included)'),
    });
  } else notes.push('No offender management cohorts are recorded.');
  return { figures: [], tables, notes };
}

export const offendersReport: readonly ReportContribution[] = [{ id: 'offender-management', title: 'Offender management and tags', order: 60, build: (ctx, period) => offendersSection(ctx, period) }];
