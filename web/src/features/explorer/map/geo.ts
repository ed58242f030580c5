// Projection and geometry helpers for the SVG map (d3-geo, no tiles, nothing from the internet).
import { geoArea, geoDistance, geoMercator, type GeoProjection } from 'd3-geo';
import type { MultiPoint, Polygon, Position } from 'geojson';
import type { BoundaryCollection } from '../../../app/types';
import type { BBox } from '../api';

/** The map's own coordinate system (SVG viewBox); the SVG scales to its container. */
export const VIEW_W = 1000;
export const VIEW_H = 620;
const PAD = 12;

const EARTH_RADIUS_KM = 6371.0088;

/**
 * d3-geo is spherical: a ring wound the "wrong" way is read as the whole globe minus the polygon.
 * Files following RFC 7946 (exterior rings anticlockwise) are wound the opposite way to what d3
 * expects, so reverse any polygon whose area is more than a hemisphere.
 */
export function rewind(fc: BoundaryCollection): BoundaryCollection {
  const fixPolygon = (rings: Position[][]): Position[][] => {
    const poly: Polygon = { type: 'Polygon', coordinates: rings };
    return geoArea(poly) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  };
  return {
    ...fc,
    features: fc.features
      .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
      .map((f) => ({
        ...f,
        geometry:
          f.geometry.type === 'Polygon'
            ? { type: 'Polygon' as const, coordinates: fixPolygon(f.geometry.coordinates) }
            : { type: 'MultiPolygon' as const, coordinates: f.geometry.coordinates.map(fixPolygon) },
      })),
  };
}

/** A Mercator projection fitted to the boundaries, or to a lon/lat box when there are none. */
export function fitProjection(target: BoundaryCollection | BBox): GeoProjection {
  const extent: [[number, number], [number, number]] = [[PAD, PAD], [VIEW_W - PAD, VIEW_H - PAD]];
  if (Array.isArray(target)) {
    const [x0, y0, x1, y1] = target;
    const box: MultiPoint = { type: 'MultiPoint', coordinates: [[x0, y0], [x1, y1]] };
    return geoMercator().fitExtent(extent, box);
  }
  return geoMercator().fitExtent(extent, target);
}

export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/** The lon/lat box visible in the SVG for a zoom transform. */
export function visibleBBox(projection: GeoProjection, t: ViewTransform): BBox | null {
  const topLeft = projection.invert?.([(0 - t.x) / t.k, (0 - t.y) / t.k]);
  const bottomRight = projection.invert?.([(VIEW_W - t.x) / t.k, (VIEW_H - t.y) / t.k]);
  if (!topLeft || !bottomRight) return null;
  return [topLeft[0], bottomRight[1], bottomRight[0], topLeft[1]];
}

/** East-west width of a box, in km, measured along its middle latitude. */
export function bboxWidthKm(b: BBox): number {
  const lat = (b[1] + b[3]) / 2;
  return geoDistance([b[0], lat], [b[2], lat]) * EARTH_RADIUS_KM;
}

/**
 * A lon/lat box holding most points: the 1st-99th percentiles, so that a few stray
 * out-of-force records (e.g. one in Salford for Kent) do not shrink the map to a dot.
 */
export function robustExtent(points: [number, number][]): BBox | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]).sort((a, b) => a - b);
  const lats = points.map((p) => p[1]).sort((a, b) => a - b);
  const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(f * (xs.length - 1))))]!;
  const lo = points.length > 50 ? 0.01 : 0;
  const hi = 1 - lo;
  let [x0, x1, y0, y1] = [q(lons, lo), q(lons, hi), q(lats, lo), q(lats, hi)];
  const minSpan = 0.02; // about 1.5-2 km, so a single point still gives a sensible view
  if (x1 - x0 < minSpan) [x0, x1] = [x0 - minSpan / 2, x1 + minSpan / 2];
  if (y1 - y0 < minSpan) [y0, y1] = [y0 - minSpan / 2, y1 + minSpan / 2];
  return [x0, y0, x1, y1];
}

/** Great Britain and Northern Ireland, for the first point request when no boundaries exist. */
export const UK_BBOX: BBox = [-8.7, 49.8, 2.0, 60.9];
