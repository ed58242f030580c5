import { AppError } from '../../../platform/errors.js';
import { bngToLonLat } from '../../../platform/geo/bng.js';
import { cellCentre } from './grid.js';
import { hotspotClass, type HotspotGrid } from './hotspots.js';

export const cellSelections = ['all', 'nonzero', 'significant'] as const;
/** Which cells to output: all study-area cells, those with incidents or a value (see carriesValue), or Gi* hot/cold cells. */
export type CellSelection = (typeof cellSelections)[number];

/** Above this many features a GeoJSON answer is refused with advice (about 300 bytes each). */
export const MAX_FEATURES = 250_000;

type Value = number | string | null;

/** A number rounded to `digits` significant digits; NaN and infinities become null. */
function sig(x: number, digits = 6): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The properties of cell i (see the GeoJSON notes in the module README for their meaning). */
export function cellProperties(r: HotspotGrid, i: number): Record<string, Value> {
  const col = i % r.grid.cols;
  const row = (i - col) / r.grid.cols;
  const [e, n] = cellCentre(r.grid, i);
  const out: Record<string, Value> = { col, row, easting: e, northing: n };
  if (r.method === 'change' && r.before) {
    out.count_before = r.before.count[i]!;
    out.count_after = r.count[i]!;
    out.change = r.count[i]! - r.before.count[i]!;
    out.density_before = sig(r.before.density[i]!);
    out.density_after = sig(r.density[i]!);
    out.density_change = sig(r.density[i]! - r.before.density[i]!);
    return out;
  }
  out.count = r.count[i]!;
  out.density = sig(r.density[i]!);
  if (r.gi) {
    out.gi_z = sig(r.gi.z[i]!);
    // p-values keep the full double (a rounded 1e-7 is still a number, but screens round, not JSON).
    out.p = finite(r.gi.p[i]!);
    out.p_adj = finite(r.gi.pAdj[i]!);
    out.class = hotspotClass(r.gi, i, r.params.alpha);
  }
  return out;
}

/**
 * Whether cell i is worth output under 'nonzero': incidents in the cell, or (kde, change) any
 * density in either period, or (gistar) a hot/cold class. Gi* maps are about cell counts, so its
 * densities alone do not keep a cell (they would multiply the output several times over).
 */
function carriesValue(r: HotspotGrid, i: number): boolean {
  if (r.count[i]! > 0) return true;
  if (r.gi) return hotspotClass(r.gi, i, r.params.alpha) !== 'none';
  if (r.density[i]! > 0) return true;
  return r.before ? r.before.count[i]! > 0 || r.before.density[i]! > 0 : false;
}

/** Indices of the study-area cells to output, in grid order. */
export function selectCells(r: HotspotGrid, which: CellSelection): number[] {
  if (which === 'significant' && !r.gi) throw new AppError('validation', "cells: 'significant' needs method gistar");
  const out: number[] = [];
  for (let i = 0; i < r.mask.length; i++) {
    if (!r.mask[i]) continue;
    if (which === 'nonzero' && !carriesValue(r, i)) continue;
    if (which === 'significant' && hotspotClass(r.gi!, i, r.params.alpha) === 'none') continue;
    out.push(i);
  }
  return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A cell's square in WGS84 (lon, lat), corners converted from BNG and shared between cells. */
function squareMaker(r: HotspotGrid): (i: number) => [number, number][] {
  const { x0, y0, cell, cols } = r.grid;
  const corners = new Map<number, [number, number]>();
  const corner = (c: number, row: number): [number, number] => {
    const key = row * (cols + 1) + c;
    let hit = corners.get(key);
    if (!hit) {
      const [lon, lat] = bngToLonLat(x0 + c * cell, y0 + row * cell);
      hit = [round6(lon), round6(lat)];
      corners.set(key, hit);
    }
    return hit;
  };
  return (i) => {
    const c = i % cols;
    const row = (i - c) / cols;
    // anticlockwise, as RFC 7946 asks of exterior rings
    return [corner(c, row), corner(c + 1, row), corner(c + 1, row + 1), corner(c, row + 1), corner(c, row)];
  };
}

export interface HotspotFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Polygon'; coordinates: [number, number][][] }; properties: Record<string, Value> }[];
  [foreign: string]: unknown;
}

/**
 * The chosen cells as a GeoJSON FeatureCollection of WGS84 squares, with the summary and any
 * other foreign members (e.g. provenance) given in `members`.
 */
export function hotspotGeoJson(r: HotspotGrid, which: CellSelection, members: Record<string, unknown>, maxFeatures = MAX_FEATURES): HotspotFeatureCollection {
  const cells = selectCells(r, which);
  if (cells.length > maxFeatures) {
    throw new AppError(
      'validation',
      `cells: ${cells.length.toLocaleString('en-GB')} cells would be returned, over the limit of ${maxFeatures.toLocaleString('en-GB')}; ` +
        `use a larger cell, a smaller area (district or bbox)${r.gi && which !== 'significant' ? " or cells 'significant'" : which === 'all' ? " or cells 'nonzero'" : ''}`,
    );
  }
  const square = squareMaker(r);
  return {
    type: 'FeatureCollection',
    ...members,
    features: cells.map((i) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(i)] }, properties: cellProperties(r, i) })),
  };
}

/**
 * The `k` study-area cells that stand out most: highest density (kde), z (gistar) or |change|;
 * ties go to the higher count, then to grid order.
 */
export function topCells(r: HotspotGrid, k: number): Record<string, Value>[] {
  const key = (i: number): number =>
    r.method === 'change' && r.before ? Math.abs(r.count[i]! - r.before.count[i]!) : r.gi ? r.gi.z[i]! : r.density[i]!;
  const cand: number[] = [];
  for (let i = 0; i < r.mask.length; i++) if (r.mask[i] && Number.isFinite(key(i)) && carriesValue(r, i)) cand.push(i);
  cand.sort((a, b) => key(b) - key(a) || r.count[b]! - r.count[a]! || a - b);
  return cand.slice(0, k).map((i) => {
    const [lon, lat] = bngToLonLat(...cellCentre(r.grid, i));
    return { ...cellProperties(r, i), longitude: round6(lon), latitude: round6(lat) };
  });
}
