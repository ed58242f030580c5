/**
 * The powers register's part of the quarterly report: enforcement by power against the same
 * quarter a year before, children dispersed and home visits made, and the reasons for CPNs. Counted
 * from the register's records by the London date of the act, in the reader's districts; acts
 * recorded outside the rules are counted in their own row, never mixed in.
 */
import { sql } from 'kysely';
import { poissonETest } from '../analytics/trends/index.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { districtCondition } from '../../platform/module/scope-sql.js';
import type { FigureSource, ReportContribution, ReportFigure, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import type { RecordType } from './powers.tables.js';

const VERSION = 'powers register counts v1';

/** The register's acts, as the report names them, in the report's order. */
export const REPORTED_ACTS: readonly { type: RecordType; label: string }[] = [
  { type: 'dispersal_authorisation', label: 'Dispersal authorisations (s34)' },
  { type: 'dispersal_direction', label: 'Dispersal directions (s35)' },
  { type: 'cpw', label: 'Community protection warnings' },
  { type: 'cpn', label: 'Community protection notices' },
  { type: 'cpn_fpn', label: 'Fixed penalties for CPN breaches' },
  { type: 's59_warning', label: 'Section 59 warnings' },
  { type: 's59_seizure', label: 'Section 59 vehicle seizures' },
  { type: 'closure_notice', label: 'Closure notices' },
  { type: 'closure_order', label: 'Closure orders' },
];

const inDistricts = (ctx: ServiceContext, column = 'district') => districtCondition(ctx.scope, column);

const londonDate = sql`(occurred_at at time zone 'Europe/London')::date`;

async function countsByType(ctx: ServiceContext, from: string, to: string): Promise<{ within: Map<string, number>; outside: number }> {
  const rows = await sql<{ record_type: string; outside_rules: boolean; n: number }>`
    select record_type, outside_rules, count(*)::int as n from power_record
     where ${londonDate} between ${from}::date and ${to}::date and ${inDistricts(ctx)}
     group by record_type, outside_rules`.execute(ctx.db);
  const within = new Map<string, number>();
  let outside = 0;
  for (const r of rows.rows) {
    if (r.outside_rules) outside += r.n;
    else within.set(r.record_type, r.n);
  }
  return { within, outside };
}

export async function powersSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const cutoff = await sql<{ d: string | null }>`select to_char(max(${londonDate}), 'YYYY-MM-DD') as d from power_record where ${inDistricts(ctx)}`.execute(ctx.db);
  const filters: Record<string, string> = ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {};
  const source = (definition: string): FigureSource => ({ definition, version: VERSION, source: 'ASB powers register (one record per act)', filters, dataCutoff: cutoff.rows[0]?.d ?? null });
  const now = await countsByType(ctx, period.from, period.to);
  const before = await countsByType(ctx, period.previousYear.from, period.previousYear.to);
  const notes: string[] = [];
  const tables: ReportTable[] = [];
  const figures: ReportFigure[] = [];
  // The acts the table lists (variations, extensions and adjournments change an act; they are not new uses).
  const sumActs = (m: Map<string, number>) => REPORTED_ACTS.reduce((n, a) => n + (m.get(a.type) ?? 0), 0);
  const total = sumActs(now.within);
  const totalBefore = sumActs(before.within);
  if (total + totalBefore + now.outside + before.outside === 0) {
    notes.push('The powers register holds no acts in this quarter or the same quarter a year before.');
    await cboTables(ctx, period, source, figures, tables);
    return { figures, tables, notes };
  }
  figures.push({
    id: 'enforcement',
    label: `Uses of ASB powers recorded, ${period.quarter}`,
    count: total,
    source: source('Acts recorded in the powers register in the quarter (London date of the act), within the rules: the powers in the table below, not their variations, extensions or adjournments'),
    comparison: { label: 'same quarter a year before', count: totalBefore, p: total + totalBefore > 0 ? poissonETest({ k1: total, k2: totalBefore }).p : null },
  });
  tables.push({
    id: 'enforcement-by-power',
    title: `Enforcement by power, ${period.quarter} and a year before`,
    rows: [...REPORTED_ACTS.map((a) => a.label), 'Recorded outside the rules (counted apart)'],
    cols: [period.quarter, 'Same quarter a year before'],
    cells: [...REPORTED_ACTS.map((a) => [now.within.get(a.type) ?? 0, before.within.get(a.type) ?? 0]), [now.outside, before.outside]],
    source: source('Acts recorded in the powers register by type, in the quarter and in the same quarter a year before; acts recorded outside the rules in their own row'),
  });
  const children = await sql<{ n: number }>`
    select count(*)::int as n from power_record r join power_event e on e.record_id = r.id
     where r.record_type = 'dispersal_direction' and e.subject_age is not null and e.subject_age < 18
       and (r.occurred_at at time zone 'Europe/London')::date between ${period.from}::date and ${period.to}::date and ${inDistricts(ctx, 'r.district')}`.execute(ctx.db);
  const visits = await sql<{ n: number }>`
    select count(*)::int as n from power_task
     where kind = 'home_visit' and visit_made_on between ${period.from}::date and ${period.to}::date and ${inDistricts(ctx)}`.execute(ctx.db);
  figures.push(
    { id: 'children-dispersed', label: 'Children (under 18 at the time) given a dispersal direction', count: children.rows[0]?.n ?? 0, source: source('Dispersal directions in the quarter to people under 18 on the day (age from the date of birth, or as they appeared)') },
    { id: 'home-visits', label: 'Home visits made to the parents or carers of dispersed children', count: visits.rows[0]?.n ?? 0, source: source('Home visits after a dispersal direction to a child, made in the quarter') },
  );
  const reasons = await sql<{ c: string; n: number }>`
    select coalesce(conduct_category, 'Not recorded') as c, count(*)::int as n from power_record
     where record_type = 'cpn' and not outside_rules and ${londonDate} between ${period.from}::date and ${period.to}::date and ${inDistricts(ctx)}
     group by 1 order by 2 desc, 1`.execute(ctx.db);
  if (reasons.rows.length) {
    tables.push({
      id: 'cpn-reasons',
      title: `Reasons for community protection notices, ${period.quarter}`,
      rows: reasons.rows.map((r) => r.c),
      cols: ['Notices'],
      cells: reasons.rows.map((r) => [r.n]),
      colTotals: true,
      source: source('Community protection notices issued in the quarter by the category of conduct recorded'),
    });
  }
  await cboTables(ctx, period, source, figures, tables);
  return { figures, tables, notes };
}

const CBO_STAGE_WORDS: Record<string, string> = {
  file_in_preparation: 'File in preparation', submitted_to_cps: 'Submitted to the CPS', applied: 'Applied for', adjourned: 'Adjourned', interim_order: 'Interim order', granted: 'Granted', refused: 'Refused', withdrawn: 'Withdrawn',
};

/** CBO cases: submitted to the CPS in the quarter, and every case by the stage it had reached at the quarter's end. */
async function cboTables(ctx: ServiceContext, period: ReportPeriod, source: (d: string) => FigureSource, figures: ReportFigure[], tables: ReportTable[]): Promise<void> {
  const inScope = inDistricts(ctx, 'c.district');
  const submitted = await sql<{ n: number }>`
    select count(distinct h.cbo_id)::int as n from cbo_case_history h join cbo_case c on c.id = h.cbo_id
     where h.to_stage = 'submitted_to_cps' and h.on_date between ${period.from}::date and ${period.to}::date and ${inScope}`.execute(ctx.db);
  const atEnd = await sql<{ stage: string; n: number }>`
    select s.to_stage as stage, count(*)::int as n from (
      select distinct on (h.cbo_id) h.cbo_id, h.to_stage from cbo_case_history h join cbo_case c on c.id = h.cbo_id
       where h.on_date <= ${period.to}::date and ${inScope} order by h.cbo_id, h.on_date desc, h.id desc) s group by s.to_stage`.execute(ctx.db);
  if (!atEnd.rows.length) return;
  figures.push({ id: 'cbo-submitted', label: `Criminal behaviour order files submitted to the CPS, ${period.quarter}`, count: submitted.rows[0]?.n ?? 0, source: source('CBO case files moved to "submitted to the CPS" in the quarter') });
  const by = new Map(atEnd.rows.map((r) => [r.stage, r.n]));
  const stages = Object.keys(CBO_STAGE_WORDS);
  tables.push({
    id: 'cbos-by-stage',
    title: `Criminal behaviour order cases by stage at the end of ${period.quarter}`,
    rows: stages.map((s) => CBO_STAGE_WORDS[s]!),
    cols: ['Cases'],
    cells: stages.map((s) => [by.get(s) ?? 0]),
    colTotals: true,
    source: source('CBO cases by the stage each had reached at the end of the quarter (its last move on or before that day)'),
  });
}

export const powersReport: readonly ReportContribution[] = [{ id: 'asb-powers', title: 'ASB powers', order: 40, build: (ctx, period) => powersSection(ctx, period) }];
