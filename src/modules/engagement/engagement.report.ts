/** Engagement in the quarterly report: campaigns and events of the quarter, feedback received, and consented quotes only. */
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportFigure, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import { EVENT_KIND_WORDS } from './engagement.rules.js';
import { engagementSummary, SUMMARY_DEFINITIONS } from './engagement.summary.js';

const VERSION = 'engagement counts v1';

export async function engagementSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const to = period.to < period.asOf ? period.to : period.asOf;
  const s = await engagementSummary(ctx, { from: period.from, to, asOf: period.asOf });
  const source = (definition: string): FigureSource => ({
    definition, version: VERSION, source: 'Engagement campaigns, events and feedback recorded in the hub',
    filters: { period: `${period.from} to ${to}`, ...(ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {}) }, dataCutoff: s.provenance.dataCutoff,
  });
  const figures: ReportFigure[] = [];
  const tables: ReportTable[] = [];
  const notes: string[] = [];
  if (s.campaigns.length) {
    figures.push({ id: 'campaigns', label: 'Campaigns running in the quarter', count: s.campaigns.length, source: source(SUMMARY_DEFINITIONS.campaigns) });
    const names = s.campaigns.map((c) => `${c.name} (${c.origin === 'national' ? 'national' : 'local'}, ${c.channel}${c.district ? `, ${c.district}` : ''})`);
    const withFigures = s.campaigns.filter((c) => c.reach !== null || c.engagements !== null);
    if (withFigures.length) {
      tables.push({
        id: 'campaign-figures', title: 'Campaign reach and engagement, as recorded', rows: withFigures.map((c) => `${c.name} (${c.channel})`), cols: ['Reach', 'Engagements'],
        cells: withFigures.map((c) => [c.reach ?? 0, c.engagements ?? 0]), source: source(`${SUMMARY_DEFINITIONS.campaigns} Figures from: ${withFigures.map((c) => `${c.name}: ${c.figuresSource} (${c.figuresAsOf})`).join('; ')}.`),
      });
    }
    notes.push(`Campaigns: ${names.join('; ')}.`);
  } else notes.push('No engagement campaigns are recorded for the quarter.');
  if (s.events.length) {
    const kinds = [...new Set(s.events.map((e) => e.kind))];
    const districts = [...new Set(s.events.map((e) => e.district))].sort();
    const cell = (k: string, d: string, key: 'events' | 'attendance') => s.events.filter((e) => e.kind === k && e.district === d).reduce((n, e) => n + e[key], 0);
    const rows = kinds.map((k) => EVENT_KIND_WORDS[k]);
    tables.push({ id: 'events', title: 'Engagement events held, by kind and district', rows, cols: districts, cells: kinds.map((k) => districts.map((d) => cell(k, d, 'events'))), rowTotals: true, colTotals: true, source: source(SUMMARY_DEFINITIONS.events) });
    tables.push({ id: 'event-attendance', title: 'Attendance at engagement events, by kind and district', rows, cols: districts, cells: kinds.map((k) => districts.map((d) => cell(k, d, 'attendance'))), rowTotals: true, colTotals: true, source: source(SUMMARY_DEFINITIONS.events) });
    const missing = s.events.reduce((n, e) => n + e.events - e.withAttendance, 0);
    if (missing) notes.push(`${missing} event(s) have no attendance count recorded; they add nothing to the attendance table.`);
  } else notes.push('No engagement events are recorded for the quarter.');
  const compliments = s.feedback.filter((f) => f.kind === 'compliment').reduce((n, f) => n + f.count, 0);
  const other = s.feedback.filter((f) => f.kind === 'feedback').reduce((n, f) => n + f.count, 0);
  if (compliments + other) {
    figures.push({ id: 'compliments', label: 'Compliments received', count: compliments, source: source(SUMMARY_DEFINITIONS.feedback) });
    figures.push({ id: 'feedback', label: 'Other public feedback received', count: other, source: source(SUMMARY_DEFINITIONS.feedback) });
  }
  for (const q of s.quotes) notes.push(`"${q.quote}" (${q.attribution}, ${q.district}, ${q.receivedOn}; published with consent)`);
  return { figures, tables, notes };
}

export const engagementReport: readonly ReportContribution[] = [{ id: 'engagement', title: 'Community engagement', order: 70, build: (ctx, period) => engagementSection(ctx, period) }];
