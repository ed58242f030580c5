/**
 * Children and young people in the quarterly report: workbooks by category (completed in the
 * quarter against the quarter before), programme referrals, deferred outcomes (Outcome 22), school
 * lessons, and the follow-up measure with its definition. Built on the youth counts (youth.counts.ts);
 * the report's disclosure profile (the child-level one for a public audience) does the suppression.
 */
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportFigure, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import { quarterlyCounts } from './youth.counts.js';

const VERSION = 'youth counts v1';
const v = (c: { value: number }) => c.value;

export async function youthSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const c = await quarterlyCounts(ctx, { quarter: period.quarter, asOf: period.asOf });
  const defs = c.provenance.definitions;
  const source = (definition: string, configVersions: readonly string[] = []): FigureSource => ({
    definition, version: VERSION, source: 'Youth intervention records (workbooks, programme referrals, deferred outcomes, school lessons)',
    filters: ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {}, dataCutoff: c.provenance.dataCutOff, configVersions,
  });
  const tables: ReportTable[] = [];
  const figures: ReportFigure[] = [];
  const notes: string[] = [];
  if (c.workbooks.byCategory.length) {
    tables.push({
      id: 'workbooks-by-category', title: `Intervention workbooks completed by category, ${c.quarter} and ${c.previousQuarter}`,
      rows: c.workbooks.byCategory.map((r) => r.category), cols: [c.quarter, c.previousQuarter, `Started in ${c.quarter}`, `Not completed in ${c.quarter}`],
      cells: c.workbooks.byCategory.map((r) => [v(r.completed), v(r.previousCompleted), v(r.started), v(r.notCompleted)]), colTotals: true,
      source: source(defs.workbooks),
    });
  } else notes.push('No intervention workbooks are recorded up to the end of the quarter.');
  if (c.programmes.length) {
    tables.push({
      id: 'programmes', title: `Programme referrals (such as Reframe), ${c.quarter}`, rows: c.programmes.map((p) => p.programme), cols: ['Referred', `Referred in ${c.previousQuarter}`, 'Completed', 'Not completed'],
      cells: c.programmes.map((p) => [v(p.referred), v(p.previousReferred), v(p.completed), v(p.notCompleted)]), colTotals: true, source: source(defs.programmes),
    });
  }
  const dq = c.deferredOutcomes;
  tables.push({
    id: 'deferred-outcomes', title: 'Deferred outcomes (Outcome 22)', rows: ['Offered', 'Accepted', 'Declined', 'Completed (Outcome 22 recorded)', 'Returned for a formal outcome'], cols: [c.quarter, c.previousQuarter],
    cells: [[v(dq.current.offered), v(dq.previous.offered)], [v(dq.current.accepted), v(dq.previous.accepted)], [v(dq.current.declined), v(dq.previous.declined)], [v(dq.current.completed), v(dq.previous.completed)], [v(dq.current.returned), v(dq.previous.returned)]],
    source: source(defs.deferredOutcomes),
  });
  if (c.lessons.byDeliverer.length) {
    tables.push({
      id: 'lessons', title: `School lessons by who delivered them, ${c.quarter}`, rows: c.lessons.byDeliverer.map((r) => { const d = String(r.deliverer); return d.charAt(0).toUpperCase() + d.slice(1); }), cols: ['Lessons', 'Students reached', `Students reached in ${c.previousQuarter}`],
      cells: c.lessons.byDeliverer.map((r) => [v(r.deliveries), r.studentsReached, r.previousStudentsReached]), colTotals: true, source: source(defs.lessons),
    });
  }
  const completed = c.followup.find((f) => f.cohort === 'completed');
  if (completed) {
    const f = completed.combined;
    const versions = [...(c.provenance.configVersions ?? [])] as string[];
    figures.push(
      { id: 'followup-denominator', label: `Children who completed an intervention in ${c.quarter} and whose follow-up has ended`, count: f.denominator, source: source(f.definition, versions) },
      { id: 'followup-no-further', label: 'Of those, children with no further formal outcome', count: f.denominator - f.numerator, source: source(f.definition, versions) },
      { id: 'followup-still-in-window', label: 'Children still in their follow-up window (counted apart)', count: f.stillInWindow, source: source(f.definition, versions) },
    );
    notes.push(`Follow-up measure: ${f.definition}`);
  }
  notes.push(`Counts under ${c.smallCountThreshold} are about very few children: publish them only under the child-level or public disclosure profile.`);
  return { figures, tables, notes };
}

export const youthReport: readonly ReportContribution[] = [{ id: 'youth', title: 'Children and young people', order: 50, build: (ctx, period) => youthSection(ctx, period) }];
