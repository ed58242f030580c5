// Hotspot cells on the map: projected once into the map's view units, with a bucket index so the
// cell under the pointer is found without scanning 100,000 squares, and an LSOA lookup for names.
import { geoBounds, geoContains, type GeoProjection } from 'd3-geo';
import type { BoundaryCollection, BoundaryProperties } from '../../../app/types';
import type { BBox } from '../../explorer/api';
import type { HotspotCollection } from '../types';

/** lon/lat box of the cells (corners), or null when there are none. */
export function cellsExtent(fc: HotspotCollection): BBox | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features) {
    for (const [lon, lat] of f.geometry.coordinates[0] ?? []) {
      if (lon! < x0) x0 = lon!;
      if (lon! > x1) x1 = lon!;
      if (lat! < y0) y0 = lat!;
      if (lat! > y1) y1 = lat!;
    }
  }
  return Number.isFinite(x0) ? [x0, y0, x1, y1] : null;
}

/** Cell centre (mean of the four corners), lon/lat. */
export function cellCentre(fc: HotspotCollection, i: number): [number, number] {
  const ring = fc.features[i]!.geometry.coordinates[0]!;
  let lon = 0;
  let lat = 0;
  for (let k = 0; k < 4; k++) {
    lon += ring[k]![0]!;
    lat += ring[k]![1]!;
  }
  return [lon / 4, lat / 4];
}

/** 8 numbers per cell: the four projected corners (x, y) in view units. */
export function projectCells(fc: HotspotCollection, projection: GeoProjection): Float32Array {
  const xy = new Float32Array(fc.features.length * 8);
  fc.features.forEach((f, i) => {
    const ring = f.geometry.coordinates[0]!;
    for (let k = 0; k < 4; k++) {
      const p = projection([ring[k]![0]!, ring[k]![1]!]) ?? [NaN, NaN];
      xy[i * 8 + k * 2] = p[0];
      xy[i * 8 + k * 2 + 1] = p[1];
    }
  });
  return xy;
}

function insideQuad(xy: Float32Array, i: number, x: number, y: number): boolean {
  let inside = false;
  for (let a = 0, b = 3; a < 4; b = a++) {
    const xa = xy[i * 8 + a * 2]!;
    const ya = xy[i * 8 + a * 2 + 1]!;
    const xb = xy[i * 8 + b * 2]!;
    const yb = xy[i * 8 + b * 2 + 1]!;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

export interface CellIndex {
  /** The cell at view point (x, y), or -1. */
  find: (x: number, y: number) => number;
}

export function indexCells(xy: Float32Array): CellIndex {
  const n = xy.length / 8;
  let span = 0;
  for (let i = 0; i < n; i++) span += Math.abs(xy[i * 8 + 2]! - xy[i * 8]!);
  const size = Math.max(1, (n ? span / n : 1) * 4);
  const buckets = new Map<number, number[]>();
  const key = (bx: number, by: number) => bx * 100_003 + by;
  for (let i = 0; i < n; i++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k < 4; k++) {
      const x = xy[i * 8 + k * 2]!;
      const y = xy[i * 8 + k * 2 + 1]!;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    if (!Number.isFinite(x0)) continue;
    for (let bx = Math.floor(x0 / size); bx <= Math.floor(x1 / size); bx++) {
      for (let by = Math.floor(y0 / size); by <= Math.floor(y1 / size); by++) {
        const k = key(bx, by);
        const list = buckets.get(k);
        if (list) list.push(i);
        else buckets.set(k, [i]);
      }
    }
  }
  return {
    find: (x, y) => {
      for (const i of buckets.get(key(Math.floor(x / size), Math.floor(y / size))) ?? []) if (insideQuad(xy, i, x, y)) return i;
      return -1;
    },
  };
}

export interface AreaLookup {
  find: (lon: number, lat: number) => BoundaryProperties | null;
}

/** Which boundary (e.g. LSOA) holds a point: bounding boxes first, then d3's spherical test. */
export function areaLookup(fc: BoundaryCollection): AreaLookup {
  const boxes = fc.features.map((f) => geoBounds(f));
  return {
    find: (lon, lat) => {
      for (let i = 0; i < boxes.length; i++) {
        const [[x0, y0], [x1, y1]] = boxes[i]!;
        if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
        const f = fc.features[i]!;
        if (geoContains(f, [lon, lat])) return f.properties;
      }
      return null;
    },
  };
}
