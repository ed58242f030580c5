import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../../platform/db/database.js';
import { AppError, ruleRefused } from '../../../platform/errors.js';
import { lonLatToBng } from '../../../platform/geo/bng.js';
import { getBoundaries } from '../../boundaries/index.js';
import { incidentColumns, incidentFilterSchema, type IncidentColumns, type IncidentFilter } from '../../police-data/index.js';
import { localCompute, type Compute } from '../compute.service.js';
import type { HotspotGeoJsonOutput } from '../worker-tasks.js';
import { dbProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { comparisonBlocked, type AnalysedCoverage } from '../coverage.js';
import { analysedCoverage } from '../coverage.queries.js';
import { hotspotSummary } from './hotspot-summary.js';
import { analyseHotspots, type HotspotGrid, type HotspotParams } from './hotspots.js';
import { BANDWIDTH_CELLS, NEIGHBOUR_CELLS, type HotspotQuery } from './hotspots.schema.js';
import { addMonths, monthsIn, previousPeriod, resolvePeriod, type Period } from '../period.js';
import { ROBUST_MARGIN, ROBUST_TRIM, type BngPolygon, type StudyAreaSpec } from './study-area.js';

/** Default period when none is given: the quarter (3 months) ending at the data cut-off. */
export const DEFAULT_MONTHS = 3;
/** With no district filter, districts holding at least this share of the points set the study area. */
export const DISTRICT_SHARE = 0.005;

const NO_DISTRICT_NOTE = 'Rows with no location have no LSOA or district, so with a district filter they are not counted at all.';

export interface HotspotRun {
  grid: HotspotGrid;
  summary: ReturnType<typeof hotspotSummary> & {
    period: Period;
    comparePeriod: Period | null;
    noLocation: { period: number; comparePeriod: number | null };
  };
  provenance: AnalysisProvenance;
}

const toBng = (ring: number[][]): [number, number][] =>
  ring.map(([lon, lat]) => {
    const p = lonLatToBng(lon!, lat!);
    return [p.easting, p.northing];
  });

function bngPolygons(g: Geometry): BngPolygon[] {
  if (g.type === 'Polygon') return [(g as Polygon).coordinates.map(toBng)];
  if (g.type === 'MultiPolygon') return (g as MultiPolygon).coordinates.map((p) => p.map(toBng));
  return [];
}

/**
 * The study area: an explicit BNG bbox; else the imported district boundaries of the districts
 * asked for (all of them must be held), or, with no district filter, of the districts holding at
 * least 0.5% of the incidents (so a few out-of-force rows do not pull in far-away districts);
 * else a robust extent of the points.
 */
async function studyAreaFor(db: Db, q: HotspotQuery, located: readonly IncidentColumns[]): Promise<{ spec: StudyAreaSpec; note: string }> {
  if (q.bbox) return { spec: { kind: 'bbox', extent: q.bbox }, note: 'Study area: the bbox given (every cell in it).' };
  const held = (await getBoundaries(db, 'district', q.district)).features;
  let chosen = held;
  if (q.district.length) {
    const names = new Set(held.map((f) => f.properties.name.toLowerCase()));
    if (!q.district.every((d) => names.has(d.toLowerCase()))) chosen = [];
  } else {
    const share = new Map<string, number>();
    for (const c of located) for (const [d, n] of c.districts) if (d) share.set(d, (share.get(d) ?? 0) + n);
    const points = located.reduce((a, c) => a + c.easting.length, 0);
    chosen = held.filter((f) => (share.get(f.properties.name.toLowerCase()) ?? 0) >= DISTRICT_SHARE * points);
  }
  if (chosen.length) {
    const names = chosen.map((f) => f.properties.name).sort();
    return {
      spec: { kind: 'boundaries', polygons: chosen.flatMap((f) => bngPolygons(f.geometry)), names },
      note: `Study area: the imported boundaries of ${names.join(', ')} (cells whose centre is inside, or that a boundary crosses).`,
    };
  }
  return {
    spec: { kind: 'points' },
    note:
      `Study area: no district boundaries held for ${q.district.length ? 'these districts' : 'the districts of these incidents'}, so the ` +
      `${ROBUST_TRIM * 100}th to ${100 - ROBUST_TRIM * 100}th percentile of eastings and northings widened by ${ROBUST_MARGIN * 100}% ` +
      'on each side (at least the bandwidth); incidents beyond it are counted as outside the study area.',
  };
}

function comparisonPeriod(q: HotspotQuery, period: Period): Period {
  const n = monthsIn(period);
  let compare: Period;
  if (q.compareFrom && q.compareTo) compare = { from: q.compareFrom, to: q.compareTo };
  else if (q.compareFrom) compare = { from: q.compareFrom, to: addMonths(q.compareFrom, n - 1) };
  else if (q.compareTo) compare = { from: addMonths(q.compareTo, -(n - 1)), to: q.compareTo };
  else compare = previousPeriod(period);
  if (monthsIn(compare) !== n) {
    throw new AppError(
      'validation',
      `compare-from/compare-to: the comparison period ${compare.from} to ${compare.to} (${monthsIn(compare)} months) must be as long as the period ${period.from} to ${period.to} (${n} months)`,
    );
  }
  return compare;
}

const filterOf = (q: HotspotQuery, p: Period): IncidentFilter =>
  incidentFilterSchema.parse({ from: p.from, to: p.to, force: q.force, category: q.category, district: q.district });

export interface HotspotOptions {
  /** Where the pure analysis runs: the calling thread (default) or the server's worker pool. */
  compute?: Compute | undefined;
  /** Most grid cells allowed (the role's limit over HTTP). */
  maxCells?: number | undefined;
}

interface PreparedHotspots {
  period: Period;
  compare: Period | null;
  now: IncidentColumns;
  then: IncidentColumns | null;
  area: { spec: StudyAreaSpec; note: string };
  params: HotspotParams;
  coverage: AnalysedCoverage;
}

/** Everything the pure analysis needs, read from the database in bounded chunks. */
async function prepareHotspots(db: Db, q: HotspotQuery, maxCells: number | undefined): Promise<PreparedHotspots> {
  const coverage = await analysedCoverage(db, { force: q.force, district: q.district });
  const period = resolvePeriod(q.from, q.to, coverage.dataCutoff, DEFAULT_MONTHS);
  if (!period) throw new AppError('not_found', 'No street-level crime data is imported yet: import data.police.uk street files first');
  const compare = q.method === 'change' ? comparisonPeriod(q, period) : null;
  const blocked = compare ? comparisonBlocked(coverage, 'the comparison period', compare) : null;
  if (blocked) {
    throw ruleRefused(`The change in density cannot be mapped: ${blocked.replace(/^no comparison: /, '')}`, [
      { rule: 'missing-months', field: 'compareFrom', message: blocked.replace(/^no comparison: /, '') },
    ]);
  }
  const now = await incidentColumns(db, filterOf(q, period));
  const then = compare ? await incidentColumns(db, filterOf(q, compare)) : null;
  const area = await studyAreaFor(db, q, then ? [now, then] : [now]);
  const params: HotspotParams = {
    method: q.method,
    cell: q.cell,
    bandwidth: q.bandwidth ?? BANDWIDTH_CELLS * q.cell,
    neighbour: q.neighbour ?? NEIGHBOUR_CELLS * q.cell,
    alpha: q.alpha,
    adjust: q.adjust,
    ...(maxCells !== undefined ? { maxCells } : {}),
  };
  return { period, compare, now, then, area, params, coverage };
}

const taskInput = (p: PreparedHotspots) => ({
  points: { easting: p.now.easting, northing: p.now.northing },
  ...(p.then ? { before: { easting: p.then.easting, northing: p.then.northing } } : {}),
  area: p.area.spec,
  params: p.params,
});

const noGrid = (period: Period) =>
  new AppError('not_found', `No located incidents match these filters in ${period.from} to ${period.to}, and no boundaries or bbox set a study area`);

/** The notes and provenance of a run, from what the grid reported. */
async function hotspotProvenance(db: Db, q: HotspotQuery, p: PreparedHotspots, grid: { outside: number; giN: number | null; warnings: readonly string[] }): Promise<AnalysisProvenance> {
  const { period, compare, now, then, area, params } = p;
  const notes = [
    area.note,
    `Grid: ${params.cell} m square cells in British National Grid (EPSG:27700), aligned to multiples of the cell size; polygons converted to WGS84.`,
    `Density: quartic kernel K(d) = 3/(πh²)(1 − d²/h²)² with h = ${params.bandwidth} m at cell centres, reported as incidents per km² over the period.`,
    `${now.noLocation} incident rows with no location were left out${then ? ` (${then.noLocation} in the comparison period)` : ''}.`,
  ];
  if (q.district.length) notes.push(NO_DISTRICT_NOTE);
  if (grid.outside) notes.push(`${grid.outside} located incidents lay outside the study area and were left out.`);
  if (q.method === 'gistar') {
    notes.push(
      `Gi*: Getis-Ord Gi* (Ord & Getis 1995) with binary weights for cells whose centres are within ${params.neighbour} m, the cell ` +
        'included; z uses the mean and standard deviation of counts over all study-area cells; p is two-sided from the normal; ' +
        `p_adj by ${q.adjust === 'fdr' ? 'Benjamini-Hochberg FDR' : q.adjust} over the ${grid.giN ?? 0} study-area cells; class at alpha ${q.alpha}.`,
    );
  }
  if (q.bandwidth === undefined) notes.push(`Bandwidth defaulted to ${BANDWIDTH_CELLS} × the cell size.`);
  if (q.method === 'gistar' && q.neighbour === undefined) notes.push(`Neighbour distance defaulted to ${NEIGHBOUR_CELLS} × the cell size.`);
  if (q.from === undefined && q.to === undefined) notes.push(`Period defaulted to the ${DEFAULT_MONTHS} months ending at the data cut-off.`);
  notes.push(...grid.warnings);
  return dbProvenance(
    db,
    'hotspots',
    filterOf(q, period),
    {
      method: params.method, cell: params.cell, bandwidth: params.bandwidth, kernel: 'quartic',
      ...(q.method === 'gistar' ? { neighbour: params.neighbour, alpha: params.alpha, adjust: params.adjust } : {}),
      ...(compare ? { compareFrom: compare.from, compareTo: compare.to } : {}),
      cells: q.cells, studyArea: area.spec.kind, ...(q.bbox ? { bbox: q.bbox } : {}),
    },
    notes,
    { coverage: p.coverage, needed: compare ? [period, compare] : [period] },
  );
}

const periods = (p: PreparedHotspots) => ({
  period: p.period,
  comparePeriod: p.compare,
  noLocation: { period: p.now.noLocation, comparePeriod: p.then ? p.then.noLocation : null },
});

/** Hotspot grid for imported incidents: reads points and boundaries, runs the pure analysis. */
export async function runHotspots(db: Db, q: HotspotQuery, options: HotspotOptions = {}): Promise<HotspotRun> {
  const p = await prepareHotspots(db, q, options.maxCells);
  const grid = await (options.compute ?? localCompute)('hotspots', taskInput(p));
  if (!grid) throw noGrid(p.period);
  const summary = { ...hotspotSummary(grid), ...periods(p) };
  const provenance = await hotspotProvenance(db, q, p, { outside: grid.points.outside, giN: grid.gi?.n ?? null, warnings: grid.warnings });
  return { grid, summary, provenance };
}

/**
 * The hotspot grid as GeoJSON text (WGS84 cell squares) with `summary` and `provenance` members.
 * The cells' features are built and serialised by the analysis (in the worker pool over HTTP).
 */
export async function hotspotFeatureCollectionJson(db: Db, q: HotspotQuery, options: HotspotOptions = {}): Promise<string> {
  const p = await prepareHotspots(db, q, options.maxCells);
  const out: HotspotGeoJsonOutput | null = await (options.compute ?? localCompute)('hotspots-geojson', { ...taskInput(p), cells: q.cells });
  if (!out) throw noGrid(p.period);
  const summary = { ...out.summary, ...periods(p) };
  const provenance = await hotspotProvenance(db, q, p, out);
  return `{"type":"FeatureCollection","summary":${JSON.stringify(summary)},"provenance":${JSON.stringify(provenance)},"features":${out.featuresJson}}`;
}
