import { AppError } from '../../../platform/errors.js';
import { addMonths, monthRange } from '../months.js';

/** The four areas of a WDD design, in the order a point is assigned when polygons overlap. */
export const AREA_ROLES = ['treated', 'dispTreated', 'control', 'dispControl'] as const;
export type AreaRole = (typeof AREA_ROLES)[number];

export const ROLE_LABEL: Record<AreaRole, string> = {
  treated: 'target (treated) area',
  dispTreated: 'displacement buffer',
  control: 'control area',
  dispControl: 'control buffer',
};

/** Polygon rings as [lon, lat] pairs (WGS84): the first ring is the outline, the others holes. */
export type PolygonRings = [number, number][][];

/** An area given as a set of LSOA codes or as polygons. */
export type AreaSpec = { lsoa: string[] } | { polygons: PolygonRings[] };

export type AreaSpecs = Partial<Record<AreaRole, AreaSpec>> & { treated: AreaSpec; control: AreaSpec };

/** Checks the design: treated and control required, both buffers or neither, one kind of area, LSOA sets disjoint. */
export function checkAreas(areas: AreaSpecs): 'lsoa' | 'polygons' {
  const given = AREA_ROLES.filter((r) => areas[r] !== undefined);
  if (!areas.treated || !areas.control) throw new AppError('validation', 'the treated (target) and control areas are both required');
  if ((areas.dispTreated === undefined) !== (areas.dispControl === undefined)) {
    throw new AppError('validation', 'give both the displacement buffer and the control buffer, or neither');
  }
  const kinds = new Set(given.map((r) => ('lsoa' in areas[r]! ? 'lsoa' : 'polygons')));
  if (kinds.size > 1) throw new AppError('validation', 'give every area as LSOA codes, or every area as polygons, not a mix');
  const kind = [...kinds][0] as 'lsoa' | 'polygons';
  if (kind === 'lsoa') {
    const owner = new Map<string, AreaRole>();
    for (const r of given) {
      const codes = (areas[r] as { lsoa: string[] }).lsoa;
      if (codes.length === 0) throw new AppError('validation', `the ${ROLE_LABEL[r]} has no LSOA codes`);
      for (const code of codes) {
        const other = owner.get(code);
        if (other && other !== r) throw new AppError('validation', `LSOA ${code} is in both the ${ROLE_LABEL[other]} and the ${ROLE_LABEL[r]}: the areas must not overlap`);
        owner.set(code, r);
      }
    }
  } else {
    for (const r of given) if ((areas[r] as { polygons: PolygonRings[] }).polygons.length === 0) throw new AppError('validation', `the ${ROLE_LABEL[r]} has no polygon`);
  }
  return kind;
}

function inRing(lon: number, lat: number, ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies in one of the polygons (inside the outline, outside its holes). */
export function inPolygons(lon: number, lat: number, polygons: readonly PolygonRings[]): boolean {
  return polygons.some((rings) => rings.length > 0 && inRing(lon, lat, rings[0]!) && !rings.slice(1).some((h) => inRing(lon, lat, h)));
}

/**
 * The area a point falls in. Polygons may overlap (e.g. a buffer drawn as a disc around the
 * target): a point counts in the first of treated, displacement buffer, control, control buffer.
 */
export function areaOfPoint(lon: number, lat: number, areas: Partial<Record<AreaRole, PolygonRings[]>>): AreaRole | null {
  for (const r of AREA_ROLES) {
    const polys = areas[r];
    if (polys && inPolygons(lon, lat, polys)) return r;
  }
  return null;
}

/** The bounding box of all polygons (for a coarse database filter). */
export function boundsOf(polygons: readonly PolygonRings[]): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const rings of polygons) {
    for (const [lon, lat] of rings[0] ?? []) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Reads polygons from GeoJSON: a Polygon or MultiPolygon geometry, a Feature, or a FeatureCollection of them. */
export function polygonsFromGeoJson(value: unknown, what: string): PolygonRings[] {
  const out: PolygonRings[] = [];
  const bad = (why: string) => new AppError('validation', `${what}: ${why}`);
  const ring = (r: unknown): [number, number][] => {
    if (!Array.isArray(r) || r.length < 4) throw bad('a polygon ring needs at least 4 positions');
    return r.map((p) => {
      if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw bad('positions must be [longitude, latitude] numbers');
      const [lon, lat] = p as [number, number];
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw bad('coordinates must be WGS84 longitude/latitude (GeoJSON), not British National Grid');
      return [lon, lat];
    });
  };
  const visit = (g: unknown): void => {
    if (!g || typeof g !== 'object') throw bad('not a GeoJSON object');
    const o = g as { type?: string; coordinates?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach(visit);
    else if (o.type === 'Feature') visit(o.geometry);
    else if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) o.geometries.forEach(visit);
    else if (o.type === 'Polygon' && Array.isArray(o.coordinates)) out.push(o.coordinates.map(ring));
    else if (o.type === 'MultiPolygon' && Array.isArray(o.coordinates)) for (const p of o.coordinates) out.push((p as unknown[]).map(ring));
    else throw bad(`unsupported GeoJSON type '${o.type ?? 'none'}' (need Polygon or MultiPolygon)`);
  };
  visit(value);
  if (out.length === 0) throw bad('no polygon found');
  return out;
}

export interface EvaluationPeriods {
  /** The month the response started: left out of both periods. */
  responseMonth: string;
  pre: { from: string; to: string; months: number };
  post: { from: string; to: string; months: number };
  /** [pre, post] lengths relative to the post period: estimates are counts per post period. */
  timeWeights: [number, number];
}

/**
 * Whole-month periods around the month the response started, which belongs to neither:
 * pre = the `preMonths` before it, post = the `postMonths` after it.
 *
 * @example evaluationPeriods('2024-03', 6, 3) // pre 2023-09..2024-02, post 2024-04..2024-06, time weights [2, 1]
 */
export function evaluationPeriods(responseMonth: string, preMonths: number, postMonths: number): EvaluationPeriods {
  for (const [name, n] of [['preMonths', preMonths], ['postMonths', postMonths]] as const) {
    if (!Number.isInteger(n) || n < 1 || n > 120) throw new AppError('validation', `${name} must be a whole number of months from 1 to 120, got ${n}`);
  }
  const pre = { from: addMonths(responseMonth, -preMonths), to: addMonths(responseMonth, -1), months: preMonths };
  const post = { from: addMonths(responseMonth, 1), to: addMonths(responseMonth, postMonths), months: postMonths };
  return { responseMonth, pre, post, timeWeights: [preMonths / postMonths, 1] };
}

/** Every month the evaluation reads (pre and post, not the response month). */
export const periodMonths = (p: EvaluationPeriods): string[] => [...monthRange(p.pre.from, p.pre.to), ...monthRange(p.post.from, p.post.to)];
