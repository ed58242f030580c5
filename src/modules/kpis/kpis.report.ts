/**
 * The KPI section of the quarterly report: every counted KPI of the catalogue for the edition's
 * quarter against its comparison period, with the E-test p-value, and a table by district; each
 * figure's source names the definition version it used. Rates and shares are not put in the report
 * (its disclosure control rounds and suppresses counts, and a rate or share built from a suppressed
 * count would give it away): they are named in the notes and shown on the KPI page. A KPI whose
 * data is missing is named in the notes with the reason, never printed as a zero.
 */
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportFigure, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import { computeKpiFigures, kpiIds, listKpis } from './kpis.service.js';

const SPLIT_WORDS: Record<string, string> = {
  personal: 'Personal', nuisance: 'Nuisance', environmental: 'Environmental',
  dispersal_authorisation: 'Dispersal authorisations (s34)', dispersal_direction: 'Dispersal directions (s35)', cpw: 'Community protection warnings', cpn: 'Community protection notices',
  cpn_fpn: 'Fixed penalties for CPN breaches', s59_warning: 'Section 59 warnings', s59_seizure: 'Section 59 vehicle seizures', closure_notice: 'Closure notices', closure_order: 'Closure orders',
};

export async function kpisSection(ctx: ServiceContext, period: ReportPeriod): Promise<ReportSectionContent> {
  const figures: ReportFigure[] = [];
  const tables: ReportTable[] = [];
  const notes: string[] = [];
  let listing;
  try {
    listing = await listKpis(ctx, { at: period.to });
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') return { figures, tables, notes: ['The measures (KPIs) are not available to your role.'] };
    throw e;
  }
  const byId = new Map(listing.kpis.map((k) => [k.id, k]));
  for (const id of kpiIds()) {
    const item = byId.get(id);
    if (!item || item.problem) {
      notes.push(`${item?.title ?? id}: not computed (${item?.problem ?? 'no definition'}).`);
      continue;
    }
    const r = await computeKpiFigures(ctx, { kpi: id, period: period.quarter, by: 'district', asOf: period.asOf, trend: 0 });
    const p = r.provenance;
    if (!p.measure.startsWith('Count')) {
      notes.push(`${r.title} is a ${p.measure.startsWith('Share') ? 'share' : 'rate'}: it is shown on the measures page, not in this report (disclosure control applies to counts).`);
      continue;
    }
    if (r.notComparedReason) {
      notes.push(`${r.title}: ${r.notComparedReason}`);
      continue;
    }
    const source = (definition: string): FigureSource => ({
      definition, version: p.versionId, source: p.source, filters: p.filters, dataCutoff: p.dataCutoff, configVersions: [p.versionId],
    });
    const total = r.rows[0]!;
    const compared = `${r.comparisonPeriod.label} (${r.comparisonPeriod.from} to ${r.comparisonPeriod.to})`;
    figures.push({
      id: `kpi-${id.replace(/_/g, '-')}`,
      label: `${r.title}, ${r.period.label} (${p.status})`,
      count: total.current.count,
      source: source(`${p.definition} ${p.comparison}. ${p.significance}`),
      comparison: { label: compared, count: total.previous.count, p: total.p },
    });
    const splits = r.rows.filter((x) => x.district === null && x.split !== null);
    const districts = r.rows.filter((x) => x.district !== null && x.split === null);
    const rows = splits.length ? splits : districts;
    if (rows.length) {
      tables.push({
        id: `kpi-${id.replace(/_/g, '-')}-by-${splits.length ? 'type' : 'district'}`,
        title: `${r.title} by ${splits.length ? 'type' : 'district'}, ${r.period.label} and ${compared}`,
        rows: rows.map((x) => (x.district ?? SPLIT_WORDS[x.split!] ?? x.split!)),
        cols: [r.period.label, r.comparisonPeriod.label],
        cells: rows.map((x) => [x.current.count, x.previous.count]),
        colTotals: true,
        source: source(p.definition),
      });
    }
  }
  if (!figures.length) notes.unshift('No measure could be compared for this quarter: the reasons are below.');
  notes.push('Every measure is a local definition until the partnership confirms it; each figure names the version of its definition.');
  return { figures, tables, notes };
}

export const kpisReport: readonly ReportContribution[] = [{ id: 'kpis', title: 'Measures (KPIs)', order: 15, build: (ctx, period) => kpisSection(ctx, period) }];
