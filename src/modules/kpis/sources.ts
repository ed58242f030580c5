/**
 * The counts behind a KPI, one function per source kind, each through the owning module's index
 * (records, police-data, powers, youth): the period's counts at the finest grain (district x split
 * value), what the data covers (missing data is said, never silently counted as zero) and the
 * data cut-off. Totals and marginals are sums of the finest cells (each source puts everything it
 * counts in exactly one district and one split value), except the youth follow-up, whose total
 * and districts come from the youth module as computed there.
 */
import type { ServiceContext } from '../../platform/module/context.js';
import { countCrimes, crimeFilterSchema, asbIncidentCounts, asbRepeatPeopleCounts, kindCoverage, recordsInstalled, populationIn, COUNTING_RULES } from '../records/index.js';
import { countIncidents, dataSummary, incidentFilterSchema } from '../police-data/index.js';
import { powerActCounts, homeVisitCounts, powersLatestDate } from '../powers/index.js';
import { workbooksCompletedCounts, followupForQuarter, workbooksLatestDate } from '../youth/index.js';
import { addDays } from '../../platform/time/london.js';
import type { KpiCell, KpiPeriod, PeriodCounts } from './compute.js';
import type { KpiDefinition } from './kpi.definition.js';

export interface FineRow { district: string; split: string | null; count: number }

/** The cells asked for from the finest rows: the total, per split value, per district (and district x split). */
export function aggregate(rows: readonly FineRow[], by: 'none' | 'district', split: boolean): KpiCell[] {
  const sums = new Map<string, KpiCell>();
  const add = (district: string | null, s: string | null, n: number) => {
    const k = `${district ?? '\u0000'}|${s ?? '\u0000'}`;
    const c = sums.get(k) ?? { district, split: s, count: 0 };
    c.count += n;
    sums.set(k, c);
  };
  add(null, null, 0);
  for (const r of rows) {
    add(null, null, r.count);
    if (split && r.split !== null) add(null, r.split, r.count);
    if (by === 'district') {
      add(r.district, null, r.count);
      if (split && r.split !== null) add(r.district, r.split, r.count);
    }
  }
  return [...sums.values()];
}

/** The first stretch of [from, to] no piece covers, or null when the pieces cover it all. */
export function firstGap(pieces: readonly { from: string; to: string }[], from: string, to: string): { from: string; to: string } | null {
  let next = from;
  for (const p of [...pieces].sort((a, b) => a.from.localeCompare(b.from))) {
    if (p.to < next) continue;
    if (p.from > next) return { from: next, to: p.from <= to ? addDays(p.from, -1) : to };
    next = addDays(p.to, 1);
    if (next > to) return null;
  }
  return next <= to ? { from: next, to } : null;
}

/** The calendar quarter a period is ('2025Q3'), or null when it is not exactly one. */
export function quarterOfPeriod(p: KpiPeriod): string | null {
  const m = /^(\d{4})-(01|04|07|10)-01$/.exec(p.from);
  if (!m) return null;
  const q = (Number(m[2]) + 2) / 3;
  const lastMonth = Number(m[2]) + 2;
  const lastDay = new Date(Date.UTC(Number(m[1]), lastMonth, 0)).getUTCDate();
  return p.to === `${m[1]}-${String(lastMonth).padStart(2, '0')}-${lastDay}` ? `${m[1]}Q${q}` : null;
}

export interface CountOptions { by: 'none' | 'district'; asOf: string }

const LIVE_NOTE = 'Counted from records kept in Prevention Hub as they stood on the day computed: records added late can change a past period.';

/** The counts of one period for a definition, in the context's scope, as at `asOf`. */
export async function countPeriod(ctx: ServiceContext, def: KpiDefinition, period: KpiPeriod, o: CountOptions): Promise<PeriodCounts> {
  const f = def.filters;
  // As at a day: nothing recorded after it counts, and a period not over by then is incomplete.
  if (o.asOf < period.from) return { cells: aggregate([], o.by, false), missing: `the period starts after the as-of date ${o.asOf}.`, dataCutoff: null, notes: [] };
  const to = o.asOf < period.to ? o.asOf : period.to;
  const notOver = o.asOf < period.to ? `the period is not over on the as-of date ${o.asOf} (data to that day only).` : null;
  const split = def.splitBy !== undefined;

  switch (def.source) {
    case 'force-crimes':
    case 'force-incidents': {
      const kind = def.source === 'force-crimes' ? 'crimes' : 'incidents';
      if (!(await recordsInstalled(ctx.db))) return { cells: aggregate([], o.by, split), missing: "the force's records are not held in this database.", dataCutoff: null, notes: [] };
      const cov = await kindCoverage(ctx.db, kind, period.from, to);
      const gap = firstGap(cov.pieces, period.from, to);
      const missing = notOver ?? (gap ? `no ${kind} extract covers ${gap.from} to ${gap.to}.` : null);
      const notes: string[] = [def.source === 'force-crimes' ? COUNTING_RULES.recordedDate : 'Incidents are counted by the date they were recorded, once per incident reference, both ends of the period included.'];
      let rows: FineRow[];
      if (def.source === 'force-crimes') {
        notes.push(COUNTING_RULES.ageAtCommitted, COUNTING_RULES.crimeOnce);
        if (f.domestic !== undefined || f.knife !== undefined) notes.push(COUNTING_RULES.unknownFlags);
        const filter = crimeFilterSchema.parse({
          from: period.from, to,
          ...(f.offenceCodes ? { offenceCode: f.offenceCodes.codes } : {}),
          ...(f.victimAge?.min !== undefined ? { victimAgeMin: f.victimAge.min } : {}),
          ...(f.victimAge?.max !== undefined ? { victimAgeMax: f.victimAge.max } : {}),
          ...(f.domestic !== undefined ? { domestic: f.domestic } : {}),
          ...(f.knife !== undefined ? { knife: f.knife } : {}),
          ...(f.locationTypes ? { locationType: f.locationTypes } : {}),
          ...(f.excludeLocationTypes ? { notLocationType: f.excludeLocationTypes } : {}),
          ...(f.districts ? { district: f.districts } : {}),
        });
        const measure = def.measure.counts === 'victims' ? 'victims' : 'crimes';
        rows = (await countCrimes(ctx.db, filter, ctx.scope, measure, 'district')).map((r) => ({ district: r.key ?? 'Not recorded', split: null, count: r.count }));
      } else {
        const q = { from: period.from, to, categories: f.asbCategories ?? ['personal', 'nuisance', 'environmental'] as const, locationTypes: f.locationTypes, excludeLocationTypes: f.excludeLocationTypes, districts: f.districts };
        if (f.repeatVictimMinIncidents !== undefined) {
          rows = (await asbRepeatPeopleCounts(ctx.db, { ...q, minIncidents: f.repeatVictimMinIncidents }, ctx.scope)).map((r) => ({ district: r.district, split: null, count: r.count }));
        } else {
          rows = (await asbIncidentCounts(ctx.db, q, ctx.scope)).map((r) => ({ district: r.district, split: r.category, count: r.count }));
        }
      }
      if (cov.extractedOn) notes.push(`Extracts covering the period were taken on or before ${cov.extractedOn}.`);
      return { cells: aggregate(rows, o.by, split), missing, dataCutoff: cov.pieces.length ? [...cov.pieces].map((p) => p.to).sort().at(-1)! : null, notes };
    }
    case 'open-data': {
      const summary = await dataSummary(ctx.db);
      const fromMonth = period.from.slice(0, 7);
      const toMonth = period.to.slice(0, 7);
      let missing = notOver;
      if (!missing && !summary.months) missing = 'no open data is imported.';
      else if (!missing && summary.months && (summary.months.min > fromMonth || summary.months.max < toMonth)) missing = `open data holds the months ${summary.months.min} to ${summary.months.max} only.`;
      const filter = incidentFilterSchema.parse({ from: fromMonth, to: toMonth, ...(f.openDataCategories ? { category: f.openDataCategories } : {}), ...(f.districts ? { district: f.districts } : {}) });
      const r = await countIncidents(ctx.db, 'district', filter);
      const notes = ['Open data is by month of the incident; locations are anonymised to snap points.'];
      if (summary.demo) notes.push('The open data held is the synthetic demo dataset.');
      return { cells: aggregate(r.rows.map((x) => ({ district: x.key ?? 'Not recorded', split: null, count: x.count })), o.by, split), missing, dataCutoff: summary.dataCutoff, notes };
    }
    case 'power-use': {
      const rows = await powerActCounts(ctx, { from: period.from, to, acts: f.powerActs, districts: f.districts });
      return { cells: aggregate(rows.map((r) => ({ district: r.district, split: r.act, count: r.count })), o.by, split), missing: notOver, dataCutoff: await powersLatestDate(ctx), notes: [LIVE_NOTE, 'Acts recorded outside the rules are not counted here.'] };
    }
    case 'home-visits': {
      const rows = await homeVisitCounts(ctx, { from: period.from, to, districts: f.districts });
      return { cells: aggregate(rows.map((r) => ({ district: r.district, split: null, count: r.count })), o.by, split), missing: notOver, dataCutoff: await powersLatestDate(ctx), notes: [LIVE_NOTE] };
    }
    case 'workbooks': {
      const rows = await workbooksCompletedCounts(ctx, { from: period.from, to, categories: f.workbookCategories, districts: f.districts });
      return { cells: aggregate(rows.map((r) => ({ district: r.district, split: r.category, count: r.count })), o.by, split), missing: notOver, dataCutoff: await workbooksLatestDate(ctx), notes: [LIVE_NOTE] };
    }
    case 'youth-followup': {
      const quarter = quarterOfPeriod(period);
      if (!quarter) return { cells: aggregate([], o.by, false), missing: 'the youth follow-up measure is computed for whole calendar quarters only.', dataCutoff: null, notes: [] };
      const fu = await followupForQuarter(ctx, { quarter, asOf: o.asOf });
      const cells: KpiCell[] = [{ district: null, split: null, count: fu.total.numerator, denominator: fu.total.denominator }];
      if (o.by === 'district') for (const [d, s] of Object.entries(fu.byDistrict)) cells.push({ district: d, split: null, count: s.numerator, denominator: s.denominator });
      const notes = [fu.definition];
      if (fu.total.stillInWindow > 0) notes.push(`${fu.total.stillInWindow} children of ${period.label} are still in their follow-up window on ${o.asOf} and are not in the denominator yet.`);
      return { cells, missing: notOver, dataCutoff: o.asOf, notes };
    }
  }
}

/** The year of population estimates for a period: the year it ends in, else the latest of the three before held. */
export async function fillPopulation(ctx: ServiceContext, def: KpiDefinition, period: KpiPeriod, counts: PeriodCounts, districts: readonly string[]): Promise<PeriodCounts> {
  if (def.measure.kind !== 'rate-per-1000') return counts;
  if (!(await recordsInstalled(ctx.db))) {
    return { ...counts, cells: counts.cells.map((c) => ({ ...c, denominator: null })), notes: [...counts.notes, 'No population estimates are held (the force records module is not installed): rates cannot be computed.'] };
  }
  const age = def.measure.populationAge;
  const endYear = Number(period.to.slice(0, 4));
  let year: number | null = null;
  for (let y = endYear; y >= endYear - 3 && year === null; y--) {
    const p = await populationIn(ctx.db, { year: y, ageMin: age?.min, ageMax: age?.max });
    if (p.population !== null) year = y;
  }
  const notes = [...counts.notes];
  if (year === null) {
    notes.push(`${period.label}: no population estimates are held for ${endYear - 3} to ${endYear}, so the rate cannot be computed.`);
    return { ...counts, cells: counts.cells.map((c) => ({ ...c, denominator: null })), notes };
  }
  notes.push(`${period.label}: population from the ONS mid-year estimates for ${year}${year !== endYear ? ` (the latest held; ${endYear} is not)` : ''}.`);
  const byDistrict = new Map<string | null, { population: number | null; bandsCut: number }>();
  const totalFilter = def.filters.districts ?? (ctx.scope.kind === 'districts' ? ctx.scope.districts : undefined);
  byDistrict.set(null, await populationIn(ctx.db, { year, district: totalFilter, ageMin: age?.min, ageMax: age?.max }));
  for (const d of districts) byDistrict.set(d, await populationIn(ctx.db, { year, district: [d], ageMin: age?.min, ageMax: age?.max }));
  const cut = [...byDistrict.values()].reduce((n, p) => Math.max(n, p.bandsCut), 0);
  if (cut > 0) notes.push('Some age bands of the estimates straddle the ages asked for and are left out of the population.');
  const have = new Set(counts.cells.map((c) => `${c.district}|${c.split}`));
  const cells = [...counts.cells, ...districts.filter((d) => !have.has(`${d}|null`)).map((d) => ({ district: d, split: null, count: 0 }))];
  return { ...counts, cells: cells.map((c) => ({ ...c, denominator: c.split === null ? (byDistrict.get(c.district)?.population ?? null) : null })), notes };
}
