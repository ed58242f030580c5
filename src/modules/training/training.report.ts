/** Training in the quarterly report: sessions held and officers trained in the quarter, by course and district. */
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import { trainingDelivered } from './training.figures.js';

const VERSION = 'training delivered v1';

export async function trainingSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const to = period.to < period.asOf ? period.to : period.asOf;
  const d = await trainingDelivered(ctx, { from: period.from, to });
  const source = (definition: string): FigureSource => ({
    definition, version: VERSION, source: 'Training sessions and attendance recorded in the hub',
    filters: { period: `${period.from} to ${to}`, ...(ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {}) }, dataCutoff: d.provenance.dataCutoff,
  });
  if (d.rows.length === 0) return { figures: [], tables: [], notes: [`No training sessions are recorded between ${period.from} and ${to}.`] };
  const courses = [...new Set(d.rows.map((r) => r.course))];
  const districts = [...new Set(d.rows.map((r) => r.district))].sort();
  const table = (id: string, title: string, key: 'sessions' | 'attendances', definition: string): ReportTable => ({
    id, title, rows: courses, cols: districts,
    cells: courses.map((c) => districts.map((di) => d.rows.filter((r) => r.course === c && r.district === di).reduce((n, r) => n + r[key], 0))),
    rowTotals: true, colTotals: true, source: source(definition),
  });
  return {
    figures: [
      { id: 'training-sessions', label: 'Training sessions held', count: d.totals.sessions, source: source('Training sessions held in the quarter') },
      { id: 'training-officers', label: 'Officers trained (each counted once)', count: d.totals.officers, source: source('Accounts recorded as attending at least one session in the quarter, each counted once') },
    ],
    tables: [
      table('training-sessions-by-course', 'Training sessions held, by course and district', 'sessions', 'Sessions held in the quarter'),
      table('training-attendances-by-course', 'Attendances at training, by course and district', 'attendances', 'Attendances at sessions held in the quarter (one per officer per session)'),
    ],
    notes: [d.provenance.definition],
  };
}

export const trainingReport: readonly ReportContribution[] = [{ id: 'training', title: 'Training delivered', order: 7, build: (ctx, period) => trainingSection(ctx, period) }];
