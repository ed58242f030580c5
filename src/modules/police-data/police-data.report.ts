/**
 * The open-data part of the quarterly report: anti-social behaviour this quarter against the same
 * quarter a year before (by district, with the E-test), and the winter outlook (ASB by month from
 * October to February in each winter the data holds). Open data has one ASB category; the
 * incident types (personal, nuisance, environmental) need the force's own incident extracts.
 */
import { poissonETest } from '../../platform/stats/etest.js';
import type { ServiceContext } from '../../platform/module/context.js';
import type { FigureSource, ReportContribution, ReportFigure, ReportPeriod, ReportSectionContent, ReportTable } from '../../platform/module/report.js';
import { countIncidents } from './police-data.service.js';
import type { IncidentFilter } from './police-data.schema.js';

const ASB = 'Anti-social behaviour';
const DEFINITION_VERSION = 'open-data ASB counts v1';

const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
};

const filter = (over: Partial<IncidentFilter>): IncidentFilter => ({ force: [], category: [], district: [], lsoa: [], outcome: [], ...over });

/** Months (YYYY-MM) the open data holds for the forces, any category. */
async function monthsHeld(ctx: ServiceContext, force: string[]): Promise<Set<string>> {
  const r = await countIncidents(ctx.db, 'month', filter({ force }));
  return new Set(r.rows.filter((x) => x.count > 0 && x.key).map((x) => x.key!.slice(0, 7)));
}

const districtsOf = (ctx: ServiceContext): string[] => (ctx.scope.kind === 'districts' ? [...ctx.scope.districts] : []);

export async function asbOpenDataSection(ctx: ServiceContext, period: ReportPeriod & { force?: string | null }): Promise<ReportSectionContent> {
  const force = period.force ? [period.force] : [];
  const district = districtsOf(ctx);
  const held = await monthsHeld(ctx, force);
  const thisMonths = monthsBetween(period.from, period.to);
  const prevMonths = monthsBetween(period.previousYear.from, period.previousYear.to);
  const missing = [...thisMonths, ...prevMonths].filter((m) => !held.has(m));
  const cutoff = [...held].sort().at(-1) ?? null;
  const filters: Record<string, string> = { category: ASB, ...(force.length ? { force: force.join(', ') } : {}), ...(district.length ? { districts: district.join(', ') } : {}) };
  const source = (definition: string): FigureSource => ({ definition, version: DEFINITION_VERSION, source: 'data.police.uk street-level crime and ASB', filters, dataCutoff: cutoff });
  const notes: string[] = ['Open data holds one anti-social behaviour category: the types (personal, nuisance, environmental) need the force’s incident extracts.'];

  const byDistrict = async (months: string[]) => {
    const r = await countIncidents(ctx.db, 'district', filter({ from: months[0], to: months.at(-1), force, category: [ASB], district }));
    return new Map(r.rows.map((x) => [x.key ?? 'Unknown district', x.count]));
  };
  const now = await byDistrict(thisMonths);
  const before = await byDistrict(prevMonths);
  const thisMissing = thisMonths.filter((m) => !held.has(m));
  const prevMissing = prevMonths.filter((m) => !held.has(m));
  const total = [...now.values()].reduce((a, b) => a + b, 0);
  const totalBefore = [...before.values()].reduce((a, b) => a + b, 0);
  const figures: ReportFigure[] = [];
  if (thisMissing.length === thisMonths.length) {
    notes.push(`No open data is held for ${period.quarter}: no ASB figures for the quarter.`);
  } else {
    const comparable = missing.length === 0;
    if (!comparable) notes.push(`Months not held: ${missing.join(', ')}. No comparison with the year before is made where a month is missing.`);
    figures.push({
      id: 'asb-incidents',
      label: `ASB incidents, ${period.quarter}`,
      count: total,
      source: source('Anti-social behaviour incidents recorded in the quarter (by month of the incident)'),
      ...(comparable ? { comparison: { label: 'same quarter a year before', count: totalBefore, p: total + totalBefore > 0 ? poissonETest({ k1: total, k2: totalBefore }).p : null } } : {}),
    });
  }
  const tables: ReportTable[] = [];
  const districts = [...new Set([...now.keys(), ...(prevMissing.length ? [] : before.keys())])].sort();
  if (districts.length && thisMissing.length < thisMonths.length) {
    const cols = prevMissing.length ? [period.quarter] : [period.quarter, 'Same quarter a year before'];
    tables.push({
      id: 'asb-by-district',
      title: `ASB incidents by district, ${period.quarter}${prevMissing.length ? '' : ' and a year before'}`,
      rows: districts,
      cols,
      cells: districts.map((d) => (prevMissing.length ? [now.get(d) ?? 0] : [now.get(d) ?? 0, before.get(d) ?? 0])),
      colTotals: true,
      source: source('Anti-social behaviour incidents by district of the incident, in the quarter and in the same quarter a year before'),
    });
  }
  // Winter outlook: October to February of each winter with all five months held.
  const winters: { label: string; months: string[] }[] = [];
  const years = [...new Set([...held].map((m) => Number(m.slice(0, 4))))].sort();
  for (const y of years) {
    const months = [`${y}-10`, `${y}-11`, `${y}-12`, `${y + 1}-01`, `${y + 1}-02`];
    if (months.every((m) => held.has(m))) winters.push({ label: `${y}-${String((y + 1) % 100).padStart(2, '0')}`, months });
  }
  if (winters.length) {
    const rows: number[][] = [];
    for (const w of winters) {
      const r = await countIncidents(ctx.db, 'month', filter({ from: w.months[0], to: w.months.at(-1), force, category: [ASB], district }));
      const byMonth = new Map(r.rows.map((x) => [x.key?.slice(0, 7), x.count]));
      rows.push(w.months.map((m) => byMonth.get(m) ?? 0));
    }
    tables.push({
      id: 'winter-outlook',
      title: 'Winter outlook: ASB incidents by month, October to February',
      rows: winters.map((w) => `Winter ${w.label}`),
      cols: ['October', 'November', 'December', 'January', 'February'],
      cells: rows,
      source: source('Anti-social behaviour incidents by month over each winter (October to February) the open data holds in full'),
      chart: { kind: 'line', valueLabel: 'incidents' },
    });
  } else {
    notes.push('No winter (October to February) is held in full: no winter outlook from open data.');
  }
  return { figures, tables, notes };
}

export const policeDataReport: readonly ReportContribution[] = [
  { id: 'asb-open-data', title: 'Anti-social behaviour', order: 30, build: (ctx, period) => asbOpenDataSection(ctx, period) },
];
