import type { Db } from '../../../platform/db/database.js';
import { countIncidents, incidentFilterSchema, incidentPoints } from '../../police-data/index.js';
import { dbProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { insufficientHistory, missingHistory } from '../trends/index.js';
import { forceCoverage } from '../trends/index.js';
import { analysedCoverage } from '../coverage.queries.js';
import { AREA_ROLES, areaOfPoint, boundsOf, checkAreas, evaluationPeriods, periodMonths, type AreaRole, type AreaSpecs, type EvaluationPeriods, type PolygonRings } from './areas.js';
import { wdd, wddHarm, type PrePost, type WddHarmResult, type WddResult } from './wdd.js';
import { wdq, type WdqResult } from './wdq.js';

/** Counts per area, period and category. */
type AreaCounts = Record<AreaRole, { pre: Map<string, number>; post: Map<string, number> }>;

export interface WddOnDataInput {
  areas: AreaSpecs;
  /** The month the response started (left out of both periods). */
  start: string;
  preMonths: number;
  /** Default: preMonths. */
  postMonths?: number | undefined;
  force: string[];
  category: string[];
  alpha: number;
  /** Harm weight per category, e.g. Cambridge Crime Harm Index values; empty for no harm-weighted result. */
  harmWeights: Record<string, number>;
}

export interface HarmCategory {
  category: string;
  weight: number;
  est: number;
  se: number;
}

export interface WddOnDataResult extends WddResult {
  areas: Record<string, { lsoa: number } | { polygons: number }>;
  periods: EvaluationPeriods;
  counts: Record<AreaRole, { pre: number; post: number }>;
  timeWeights: [number, number];
  wdq: WdqResult | null;
  harm: (WddHarmResult & { basis: 'local' | 'total'; categories: HarmCategory[]; unweighted: string[] }) | null;
  reading: string;
  provenance: AnalysisProvenance;
}

const emptyCounts = (): AreaCounts =>
  Object.fromEntries(AREA_ROLES.map((r) => [r, { pre: new Map<string, number>(), post: new Map<string, number>() }])) as AreaCounts;

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

async function countLsoaAreas(db: Db, areas: AreaSpecs, p: EvaluationPeriods, q: WddOnDataInput): Promise<AreaCounts> {
  const out = emptyCounts();
  for (const role of AREA_ROLES) {
    const spec = areas[role];
    if (!spec || !('lsoa' in spec)) continue;
    for (const period of ['pre', 'post'] as const) {
      const f = incidentFilterSchema.parse({ lsoa: spec.lsoa, from: p[period].from, to: p[period].to, force: q.force, category: q.category });
      for (const r of (await countIncidents(db, 'category', f)).rows) add(out[role][period], r.key ?? '', r.count);
    }
  }
  return out;
}

async function countPolygonAreas(db: Db, areas: AreaSpecs, p: EvaluationPeriods, q: WddOnDataInput): Promise<AreaCounts> {
  const polys: Partial<Record<AreaRole, PolygonRings[]>> = {};
  for (const r of AREA_ROLES) {
    const spec = areas[r];
    if (spec && 'polygons' in spec) polys[r] = spec.polygons;
  }
  const b = boundsOf(Object.values(polys).flat());
  const f = incidentFilterSchema.parse({ from: p.pre.from, to: p.post.to, force: q.force, category: q.category, bbox: `${b.minLon},${b.minLat},${b.maxLon},${b.maxLat}` });
  const out = emptyCounts();
  for (const pt of (await incidentPoints(db, f)).points) {
    const period = pt.month >= p.pre.from && pt.month <= p.pre.to ? 'pre' : pt.month >= p.post.from && pt.month <= p.post.to ? 'post' : null;
    if (!period) continue;
    const role = areaOfPoint(pt.longitude, pt.latitude, polys);
    if (role) add(out[role][period], pt.category, 1);
  }
  return out;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The forces with incidents in the areas (any month): the ones whose months must be complete. */
async function forcesInAreas(db: Db, areas: AreaSpecs): Promise<string[]> {
  const specs = AREA_ROLES.map((r) => areas[r]).filter((s) => s !== undefined);
  const codes = specs.flatMap((s) => ('lsoa' in s ? s.lsoa : []));
  const polygons = specs.flatMap((s) => ('polygons' in s ? s.polygons : []));
  const b = polygons.length ? boundsOf(polygons) : null;
  const f = incidentFilterSchema.parse(b ? { bbox: `${b.minLon},${b.minLat},${b.maxLon},${b.maxLat}` } : { lsoa: codes });
  return (await countIncidents(db, 'force', f)).rows.map((r) => r.key).filter((k): k is string => k !== null);
}

/** LSOA codes of the design with no incident at all in the data: usually a typo, so they are reported. */
async function lsoasWithoutData(db: Db, areas: AreaSpecs): Promise<string[]> {
  const codes = AREA_ROLES.flatMap((r) => {
    const s = areas[r];
    return s && 'lsoa' in s ? s.lsoa : [];
  });
  if (codes.length === 0) return [];
  const seen = new Set((await countIncidents(db, 'lsoa', incidentFilterSchema.parse({ lsoa: codes }))).rows.map((r) => r.key));
  return codes.filter((c) => !seen.has(c));
}

/** Checks that every month of both periods is imported for the forces whose data the evaluation reads. */
async function checkPeriods(db: Db, p: EvaluationPeriods, force: string[]): Promise<void> {
  const coverage = await forceCoverage(db, force);
  const missing = missingHistory(coverage, periodMonths(p));
  if (coverage.size === 0 || missing.length) {
    throw insufficientHistory(`the evaluation needs every month of ${p.pre.from}..${p.pre.to} and ${p.post.from}..${p.post.to} imported`, missing);
  }
}

/**
 * The WDD (and WDQ) of imported data: incidents counted in the four areas (LSOA sets or polygons)
 * over the pre and post periods, with time weights when the periods differ in length, and the
 * harm-weighted WDD when weights per category are given.
 */
export async function wddOnData(db: Db, q: WddOnDataInput): Promise<WddOnDataResult> {
  const kind = checkAreas(q.areas);
  const periods = evaluationPeriods(q.start, q.preMonths, q.postMonths ?? q.preMonths);
  const forces = q.force.length ? q.force : await forcesInAreas(db, q.areas);
  await checkPeriods(db, periods, forces);
  const byCat = kind === 'lsoa' ? await countLsoaAreas(db, q.areas, periods, q) : await countPolygonAreas(db, q.areas, periods, q);
  const pair = (r: AreaRole, cat?: string): PrePost => (cat === undefined ? [total(byCat[r].pre), total(byCat[r].post)] : [byCat[r].pre.get(cat) ?? 0, byCat[r].post.get(cat) ?? 0]);
  const hasBuffers = q.areas.dispTreated !== undefined;
  const design = (cat?: string) => ({
    control: pair('control', cat), treated: pair('treated', cat),
    ...(hasBuffers ? { dispControl: pair('dispControl', cat), dispTreated: pair('dispTreated', cat) } : {}),
    timeWeights: periods.timeWeights, alpha: q.alpha,
  });
  const result = wdd(design());
  const counts = Object.fromEntries(AREA_ROLES.map((r) => [r, { pre: pair(r)[0], post: pair(r)[1] }])) as WddOnDataResult['counts'];

  let harm: WddOnDataResult['harm'] = null;
  const weighted = Object.keys(q.harmWeights);
  if (weighted.length) {
    const seen = new Set(AREA_ROLES.flatMap((r) => [...byCat[r].pre.keys(), ...byCat[r].post.keys()]));
    const basis = hasBuffers ? 'total' : 'local';
    const categories = weighted.map((category) => {
      const r = wdd(design(category));
      return { category, weight: q.harmWeights[category]!, est: basis === 'total' ? r.estTotal : r.estLocal, se: basis === 'total' ? r.seTotal : r.seLocal };
    });
    const h = wddHarm(categories.map((c) => ({ label: c.category, est: c.est, se: c.se, weight: c.weight })), q.alpha);
    harm = { ...h, basis, categories, unweighted: [...seen].filter((c) => !(c in q.harmWeights)).sort() };
  }

  const unknown = await lsoasWithoutData(db, q.areas);
  const parameters = { start: q.start, preMonths: periods.pre.months, postMonths: periods.post.months, alpha: q.alpha, timeWeights: periods.timeWeights, areas: kind, harmWeights: q.harmWeights };
  const notes = [
    `Time weights ${periods.timeWeights.join(',')}: estimates are incidents per ${periods.post.months}-month post period.`,
    'Incidents published without a location are in no area.',
    ...(kind === 'polygons' ? ['A point in overlapping polygons counts in the first of: target, displacement buffer, control, control buffer.'] : []),
    ...(unknown.length ? [`LSOA codes with no incidents anywhere in the data (check for typos): ${unknown.join(', ')}.`] : []),
    ...(harm?.unweighted.length ? [`Categories without a harm weight are left out of the harm-weighted result: ${harm.unweighted.join(', ')}.`] : []),
  ];
  const areaSummary = Object.fromEntries(
    AREA_ROLES.filter((r) => q.areas[r]).map((r) => {
      const s = q.areas[r]!;
      return [r, 'lsoa' in s ? { lsoa: s.lsoa.length } : { polygons: s.polygons.length }];
    }),
  );
  const w = hasBuffers ? wdq({ target: pair('treated'), buffer: pair('dispTreated'), control: pair('control') }) : null;
  const level = Math.round((1 - q.alpha) * 100);
  const reading =
    result.z === null
      ? 'no incidents in any area: the test is undefined'
      : `${result.estTotal < 0 ? 'fewer' : result.estTotal > 0 ? 'more' : 'no change in'} incidents than the control predicts ` +
        `(${result.estTotal.toFixed(1)}, ${level}% CI ${result.lowCI.toFixed(1)} to ${result.highCI.toFixed(1)}); ` +
        `${result.p !== null && result.p < q.alpha ? 'significant' : 'not significant'} at ${q.alpha} (p = ${result.p?.toPrecision(2)})`;
  return {
    ...result, areas: areaSummary, periods, counts, timeWeights: periods.timeWeights, wdq: w, harm, reading,
    provenance: await dbProvenance(db, 'wdd', { force: q.force, category: q.category }, parameters, notes, { coverage: await analysedCoverage(db, { force: forces }), needed: [periods.pre, periods.post] }),
  };
}

