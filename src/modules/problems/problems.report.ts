/**
 * Problem solving in the quarterly report: problems opened and closed in the quarter, and those
 * open at its end by OSARA stage, in the reader's districts.
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportPeriod, ReportSectionContent } from '../../platform/module/report.js';
import { districtCondition } from '../../platform/module/scope-sql.js';
import { STAGES } from './problems.schema.js';

const VERSION = 'problem counts v1';
const STAGE_WORDS: Record<string, string> = { objective: 'Objective set', scanning: 'Scanning', analysis: 'Analysis', response: 'Response', assessment: 'Assessment', closed: 'Closed' };

export async function problemsSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const inScope = districtCondition(ctx.scope, 'p.district');
  const day = (col: string) => sql`(${sql.ref(col)} at time zone 'Europe/London')::date`;
  const cutoff = await sql<{ d: string | null }>`select to_char(max(${day('p.updated_at')}), 'YYYY-MM-DD') as d from problem p where ${inScope}`.execute(ctx.db);
  const source = (definition: string): FigureSource => ({
    definition, version: VERSION, source: 'Problem-solving records (OSARA)', filters: ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {}, dataCutoff: cutoff.rows[0]?.d ?? null,
  });
  const opened = await sql<{ n: number }>`select count(*)::int as n from problem p where ${day('p.created_at')} between ${period.from}::date and ${period.to}::date and ${inScope}`.execute(ctx.db);
  const closed = await sql<{ n: number }>`
    select count(distinct h.problem_id)::int as n from problem_stage_history h join problem p on p.id = h.problem_id
     where h.to_stage = 'closed' and ${day('h.at')} between ${period.from}::date and ${period.to}::date and ${inScope}`.execute(ctx.db);
  // The stage each problem had at the end of the quarter: its last move on or before that day.
  const atEnd = await sql<{ stage: string; n: number }>`
    select s.to_stage as stage, count(*)::int as n from (
      select distinct on (h.problem_id) h.problem_id, h.to_stage from problem_stage_history h join problem p on p.id = h.problem_id
       where ${day('h.at')} <= ${period.to}::date and ${inScope}
       order by h.problem_id, h.at desc, h.id desc) s
     where s.to_stage <> 'closed' group by s.to_stage`.execute(ctx.db);
  const byStage = new Map(atEnd.rows.map((r) => [r.stage, r.n]));
  const open = STAGES.filter((s) => s !== 'closed');
  const notes = opened.rows[0]!.n + closed.rows[0]!.n + atEnd.rows.length === 0 ? ['No problem-solving records in this quarter.'] : [];
  return {
    figures: [
      { id: 'problems-opened', label: `Problems opened, ${period.quarter}`, count: opened.rows[0]!.n, source: source('Problems recorded in the quarter (date the record was created)') },
      { id: 'problems-closed', label: `Problems closed, ${period.quarter}`, count: closed.rows[0]!.n, source: source('Problems moved to closed in the quarter') },
    ],
    tables: [
      {
        id: 'problems-by-stage',
        title: `Problems open at the end of ${period.quarter}, by stage`,
        rows: open.map((s) => STAGE_WORDS[s] ?? s),
        cols: ['Problems'],
        cells: open.map((s) => [byStage.get(s) ?? 0]),
        colTotals: true,
        source: source('Problems not closed at the end of the quarter, by the stage they had reached that day'),
      },
    ],
    notes,
  };
}

export const problemsReport: readonly ReportContribution[] = [{ id: 'problem-solving', title: 'Problem solving', order: 10, build: (ctx, period) => problemsSection(ctx, period) }];
