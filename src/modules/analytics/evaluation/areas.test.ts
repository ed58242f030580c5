import { describe, expect, it } from 'vitest';
import { areaOfPoint, boundsOf, checkAreas, evaluationPeriods, inPolygons, periodMonths, polygonsFromGeoJson, type PolygonRings } from './areas.js';

const box = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('evaluation periods', () => {
  it('leaves the start month out and gives time weights for unequal lengths', () => {
    expect(evaluationPeriods('2024-03', 6, 3)).toEqual({
      responseMonth: '2024-03',
      pre: { from: '2023-09', to: '2024-02', months: 6 },
      post: { from: '2024-04', to: '2024-06', months: 3 },
      timeWeights: [2, 1],
    });
    expect(evaluationPeriods('2023-01', 12, 12).timeWeights).toEqual([1, 1]);
    expect(periodMonths(evaluationPeriods('2023-01', 1, 2))).toEqual(['2022-12', '2023-02', '2023-03']);
  });

  it('refuses lengths that are not whole months from 1 to 120', () => {
    expect(() => evaluationPeriods('2024-03', 0, 3)).toThrow(/preMonths must be a whole number of months from 1 to 120/);
    expect(() => evaluationPeriods('2024-03', 6, 2.5)).toThrow(/postMonths/);
  });
});

describe('areas', () => {
  it('LSOA sets must not overlap; both buffers or neither', () => {
    expect(checkAreas({ treated: { lsoa: ['A'] }, control: { lsoa: ['B', 'C'] } })).toBe('lsoa');
    expect(() => checkAreas({ treated: { lsoa: ['A'] }, control: { lsoa: ['B', 'A'] } })).toThrow(/LSOA A is in both the target \(treated\) area and the control area/);
    expect(() => checkAreas({ treated: { lsoa: ['A'] }, control: { lsoa: ['B'] }, dispTreated: { lsoa: ['C'] } })).toThrow(/both the displacement buffer and the control buffer/);
    expect(() => checkAreas({ treated: { lsoa: [] }, control: { lsoa: ['B'] } })).toThrow(/has no LSOA codes/);
    expect(() => checkAreas({ treated: { lsoa: ['A'] }, control: { polygons: [[box(0, 0, 1, 1)]] } })).toThrow(/not a mix/);
  });

  it('points in polygons, holes excluded, overlapping polygons resolved target first', () => {
    const ring: PolygonRings = [box(0, 0, 10, 10), box(4, 4, 6, 6)];
    expect(inPolygons(1, 1, [ring])).toBe(true);
    expect(inPolygons(5, 5, [ring])).toBe(false); // in the hole
    expect(inPolygons(11, 5, [ring])).toBe(false);
    // A buffer drawn as a big box around the target box: the target's points stay in the target.
    const areas = { treated: [[box(4, 4, 6, 6)]], dispTreated: [[box(0, 0, 10, 10)]], control: [[box(20, 20, 30, 30)]] };
    expect(areaOfPoint(5, 5, areas)).toBe('treated');
    expect(areaOfPoint(1, 1, areas)).toBe('dispTreated');
    expect(areaOfPoint(25, 25, areas)).toBe('control');
    expect(areaOfPoint(50, 50, areas)).toBeNull();
    expect(boundsOf([ring, [box(-2, 3, 1, 12)]])).toEqual({ minLon: -2, minLat: 0, maxLon: 10, maxLat: 12 });
  });

  it('reads GeoJSON Polygon, MultiPolygon, Feature and FeatureCollection, and refuses grid coordinates', () => {
    const poly = { type: 'Polygon', coordinates: [box(-0.1, 51.5, -0.09, 51.51)] };
    expect(polygonsFromGeoJson(poly, 'x')).toHaveLength(1);
    expect(polygonsFromGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: poly }, { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], [box(2, 2, 3, 3)]] } }] }, 'x')).toHaveLength(3);
    expect(() => polygonsFromGeoJson({ type: 'Polygon', coordinates: [box(530000, 180000, 531000, 181000)] }, '--treated-polygon a.json')).toThrow(/--treated-polygon a.json: coordinates must be WGS84/);
    expect(() => polygonsFromGeoJson({ type: 'Point', coordinates: [0, 0] }, 'x')).toThrow(/unsupported GeoJSON type 'Point'/);
    expect(() => polygonsFromGeoJson({ type: 'FeatureCollection', features: [] }, 'x')).toThrow(/no polygon found/);
  });
});
