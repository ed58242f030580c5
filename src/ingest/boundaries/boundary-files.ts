import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { parseCsv } from '../csv/csv.js';
import type { BoundaryLevel } from '../../modules/boundaries/index.js';

/** A boundary shape read from a file, before names are resolved against the lookups. */
export interface BoundaryShape {
  level: BoundaryLevel;
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

export interface LadRow {
  code: string;
  name: string;
  activeCode: string | null;
  activeName: string | null;
}

export type BoundaryFileContent = { kind: 'shapes'; shapes: BoundaryShape[] } | { kind: 'lad-lookup'; lads: LadRow[] };

export class BoundaryFileError extends Error {}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function pick(props: Record<string, unknown>, pattern: RegExp): string | null {
  for (const [k, v] of Object.entries(props)) if (pattern.test(k) && str(v)) return str(v);
  return null;
}

/** Reads the level, code and names from ONS-style properties (LSOA21CD, WD25CD, LAD13CD, …). */
function describe(props: Record<string, unknown>): Omit<BoundaryShape, 'geometry' | 'bbox'> | null {
  const lsoa = pick(props, /^LSOA\d{2}CD$/i);
  if (lsoa) {
    const name = pick(props, /^LSOA\d{2}NM$/i) ?? lsoa;
    const m = /^(.*\S)\s+\d{3}[A-Z]$/.exec(name);
    return { level: 'lsoa', code: lsoa, name, districtCode: pick(props, /^LADCD(_ACTIVE)?$|^LAD\d{2}CD$/i), districtName: m ? m[1]! : null };
  }
  const ward = pick(props, /^WD\d{2}CD$/i);
  if (ward) {
    return { level: 'ward', code: ward, name: pick(props, /^WD\d{2}NM$/i) ?? ward, districtCode: pick(props, /^LAD\d{2}CD$/i), districtName: pick(props, /^LAD\d{2}NM$/i) };
  }
  const lad = pick(props, /^LAD\d{2}CD$|^LADCD$/i);
  if (lad) {
    const name = pick(props, /^LAD\d{2}NM$|^LADNM$/i) ?? lad;
    return { level: 'district', code: lad, name, districtCode: lad, districtName: name };
  }
  return null;
}

export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) for (const ring of poly) for (const [x, y] of ring as [number, number][]) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

function featuresOf(json: unknown): Feature[] {
  const j = json as { type?: string; objects?: Record<string, unknown>; features?: Feature[] };
  if (j?.type === 'FeatureCollection' && Array.isArray(j.features)) return j.features;
  if (j?.type === 'Topology' && j.objects) {
    const topo = j as unknown as Topology;
    return Object.keys(topo.objects).flatMap((name) => {
      const fc = topoFeature(topo, topo.objects[name]!) as FeatureCollection | Feature;
      return 'features' in fc ? fc.features : [fc];
    });
  }
  throw new BoundaryFileError('not a GeoJSON FeatureCollection or a TopoJSON Topology');
}

/** Parses a boundary GeoJSON/TopoJSON file or an la_all_codes.csv style lookup. */
export function parseBoundaryFile(fileName: string, text: string): BoundaryFileContent {
  if (/\.csv$/i.test(fileName)) return { kind: 'lad-lookup', lads: parseLadCsv(text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BoundaryFileError(`not valid JSON (${(err as Error).message})`);
  }
  const shapes: BoundaryShape[] = [];
  featuresOf(json).forEach((f, i) => {
    const g = f.geometry as Geometry | null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return;
    const d = describe((f.properties ?? {}) as Record<string, unknown>);
    if (!d) throw new BoundaryFileError(`feature ${i + 1}: no LSOA, ward or district code among its properties`);
    shapes.push({ ...d, geometry: g, bbox: bboxOf(g) });
  });
  if (shapes.length === 0) throw new BoundaryFileError('no polygon features');
  return { kind: 'shapes', shapes };
}

function parseLadCsv(text: string): LadRow[] {
  const records = [...parseCsv(text)];
  const header = records[0]?.fields.map((h) => h.trim()) ?? [];
  const col = (name: string) => header.indexOf(name);
  const [code, name, activeCode, activeName] = [col('LADCD'), col('LADNM'), col('LADCD_ACTIVE'), col('LADNM_ACTIVE')];
  if (code < 0 || name < 0) throw new BoundaryFileError('line 1: a district lookup CSV needs LADCD and LADNM columns');
  return records.slice(1).map((r) => {
    const c = r.fields[code]?.trim() ?? '';
    const n = r.fields[name]?.trim() ?? '';
    if (!c || !n) throw new BoundaryFileError(`line ${r.line}: LADCD and LADNM must not be empty`);
    return {
      code: c,
      name: n,
      activeCode: activeCode >= 0 ? str(r.fields[activeCode]) : null,
      activeName: activeName >= 0 ? str(r.fields[activeName]) : null,
    };
  });
}
