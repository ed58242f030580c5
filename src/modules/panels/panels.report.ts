/** Governance in the quarterly report: panel meetings held, decisions made and actions agreed, in the reader's districts. */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportPeriod, ReportSectionContent } from '../../platform/module/report.js';
import { districtCondition } from '../../platform/module/scope-sql.js';

const VERSION = 'panel counts v1';

export async function panelsSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  // A panel counts for a reader when it covers one of their districts.
  const visible = sql`m.panel_id in (select d.panel_id from panel_district d where ${districtCondition(ctx.scope, 'd.district')})`;
  const inQuarter = sql`m.held_on between ${period.from}::date and ${period.to}::date`;
  const rows = await sql<{ meetings: number; decisions: number; actions: number; problems: number; plans: number; cutoff: string | null }>`
    select count(distinct m.id)::int as meetings,
           (select count(*)::int from panel_decision x join panel_meeting m on m.id = x.meeting_id where ${inQuarter} and ${visible}) as decisions,
           (select count(*)::int from panel_action x join panel_meeting m on m.id = x.meeting_id where ${inQuarter} and ${visible}) as actions,
           (select count(distinct a.problem_id)::int from panel_agenda_item a join panel_meeting m on m.id = a.meeting_id where ${inQuarter} and ${visible}) as problems,
           (select count(distinct a.plan_id)::int from panel_agenda_item a join panel_meeting m on m.id = a.meeting_id where ${inQuarter} and ${visible}) as plans,
           (select to_char(max(m.held_on), 'YYYY-MM-DD') from panel_meeting m where ${visible}) as cutoff
      from panel_meeting m where ${inQuarter} and ${visible}`.execute(ctx.db);
  const r = rows.rows[0]!;
  const source = (definition: string): FigureSource => ({
    definition, version: VERSION, source: 'Panel records (meetings, agendas, decisions, actions)', filters: ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {}, dataCutoff: r.cutoff,
  });
  return {
    figures: [
      { id: 'panel-meetings', label: `Panel meetings held, ${period.quarter}`, count: r.meetings, source: source('Meetings of governance panels held in the quarter') },
      { id: 'panel-decisions', label: 'Decisions recorded at those meetings', count: r.decisions, source: source('Decisions recorded at panel meetings held in the quarter') },
      { id: 'panel-actions', label: 'Actions agreed at those meetings', count: r.actions, source: source('Actions agreed at panel meetings held in the quarter') },
      { id: 'panel-problems', label: 'Problems reviewed by a panel', count: r.problems, source: source('Different problems on the agenda of a panel meeting held in the quarter') },
      { id: 'panel-plans', label: 'Plans for individuals reviewed by a panel', count: r.plans, source: source('Different proactive management plans on the agenda of a panel meeting held in the quarter') },
    ],
    tables: [],
    notes: r.meetings === 0 ? ['No panel meetings were recorded in this quarter.'] : [],
  };
}

export const panelsReport: readonly ReportContribution[] = [{ id: 'governance', title: 'Overview and governance', order: 5, build: (ctx, period) => panelsSection(ctx, period) }];
