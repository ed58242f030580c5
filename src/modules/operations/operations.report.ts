/**
 * Operations in the quarterly report, in the shape of the report's Operation Pilot text: each
 * operation with where it ran and its tactics, its results by deployment ("One such deployment in
 * Canterbury resulted in ..."), and the quotes of licensees and the public who consented to
 * publication. Numbers go in figures and tables only, so the report's disclosure rules apply.
 */
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import { RESULT_KEYS, RESULT_LABELS } from './operations.service.js';
import { periodSummary } from './summary.service.js';

const VERSION = 'operations results v1';
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const dayWords = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

export async function operationsSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const s = await periodSummary(ctx, { from: period.from, to: period.to, asOf: period.asOf });
  const source = (definition: string): FigureSource => ({ definition, version: VERSION, source: s.provenance.source, filters: s.provenance.filters, dataCutoff: period.to < period.asOf ? period.to : period.asOf });
  const cols = RESULT_KEYS.map((k) => RESULT_LABELS[k]);
  const notes: string[] = [];
  const tables: ReportTable[] = [];
  if (s.operations.length === 0) {
    notes.push('No deployments of named operations are recorded for the quarter.');
    return { figures: [], tables, notes };
  }
  const withResults = s.operations.filter((o) => o.deployments.some((d) => d.results));
  if (withResults.length) {
    tables.push({
      id: 'results-by-operation', title: 'Results of named operations in the quarter', rows: withResults.map((o) => o.title), cols,
      cells: withResults.map((o) => RESULT_KEYS.map((k) => o.totals[k])), colTotals: true,
      source: source('Results recorded for the deployments of each operation on days in the quarter, added up'),
    });
  }
  for (const o of s.operations) {
    const tactics = o.tactics.length ? ` using tactics such as ${list(o.tactics.map(lower))}` : '';
    notes.push(`${o.title} (${o.objectives.replace(/\s+$/, '').replace(/\.$/, '')}) was deployed in ${list(o.deployedIn)}${tactics}.`);
    const done = o.deployments.filter((d) => d.results);
    if (done.length) {
      tables.push({
        id: `deployments-${o.id}`, title: `${o.title}: results by deployment`, rows: done.map((d) => `${d.district}, ${dayWords(d.deployedOn)}`), cols,
        cells: done.map((d) => RESULT_KEYS.map((k) => d.results![k])), colTotals: done.length > 1,
        source: source(`Results recorded for each deployment of ${o.title} on days in the quarter`),
      });
    }
  }
  const missing = s.operations.reduce((n, o) => n + o.withoutResults, 0);
  const figures = [
    { id: 'deployments', label: 'Deployments of named operations in the quarter', count: s.operations.reduce((n, o) => n + o.deployments.length, 0), source: source('Deployments of named operations on days in the quarter') },
    ...(missing ? [{ id: 'deployments-without-results', label: 'Deployments with no results recorded yet (not in the tables)', count: missing, source: source('Deployments in the quarter without recorded results on the as-at day') }] : []),
  ];
  for (const q of s.quotes) notes.push(`“${q.quote}” ${q.attribution}. (${q.operation}; published with consent.)`);
  return { figures, tables, notes };
}

export const operationsReport: readonly ReportContribution[] = [{ id: 'operations', title: 'Named operations', order: 45, build: (ctx, period) => operationsSection(ctx, period) }];
