import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { cellOf } from './grid.js';
import { cellProperties, hotspotGeoJson, selectCells, topCells } from './hotspot-geojson.js';
import { hotspotSummary } from './hotspot-summary.js';
import { analyseHotspots, type BngPoint, type HotspotParams } from './hotspots.js';

const params = (over: Partial<HotspotParams> = {}): HotspotParams => ({
  method: 'gistar', cell: 100, bandwidth: 300, neighbour: 200, alpha: 0.05, adjust: 'fdr', ...over,
});
const at = (e: number, n: number, times = 1): BngPoint[] => Array.from({ length: times }, () => ({ easting: e, northing: n }));

// A Kent-like town: background incidents spread over 5 × 5 km around Maidstone, a busy snap
// point, and two rows geocoded far away (as Kent's Salford rows are).
function town(): BngPoint[] {
  const pts: BngPoint[] = [];
  let seed = 11;
  for (let i = 0; i < 400; i++) {
    seed = (seed * 16807) % 2147483647;
    const e = 573_000 + (seed % 5000);
    seed = (seed * 16807) % 2147483647;
    pts.push({ easting: e, northing: 153_000 + (seed % 5000) });
  }
  pts.push(...at(575_550, 155_550, 40));
  pts.push(...at(380_000, 398_000, 2)); // Salford
  return pts;
}

describe('analyseHotspots', () => {
  it('clips stray far-away points to a robust study area and counts them', () => {
    const r = analyseHotspots({ points: town(), area: { kind: 'points' }, params: params() })!;
    expect(r.points).toEqual({ used: 440, outside: 2 });
    expect(r.grid.cols * r.grid.rows).toBeLessThan(7_000); // ~ 6 × 6 km, not 200 × 250 km
    const s = hotspotSummary(r);
    expect(s.incidents.outsideStudyArea).toBe(2);
    expect(s.grid.crs).toBe('EPSG:27700');
  });

  it('finds the busy snap point as a hot spot after FDR adjustment, and p_adj >= p', () => {
    const r = analyseHotspots({ points: town(), area: { kind: 'points' }, params: params() })!;
    const busy = cellOf(r.grid, 575_550, 155_550);
    const props = cellProperties(r, busy);
    expect(props).toMatchObject({ count: 40, class: 'hot', easting: 575_550, northing: 155_550 });
    expect(props.p_adj as number).toBeGreaterThanOrEqual(props.p as number);
    // Gi* smooths over the neighbourhood: the top z may be a neighbour of the busy cell
    const top = topCells(r, 1)[0]!;
    expect(Math.hypot((top.easting as number) - 575_550, (top.northing as number) - 155_550)).toBeLessThanOrEqual(200);
    expect(r.gi!.hot).toBeGreaterThan(0);
    for (let i = 0; i < r.mask.length; i++) if (!Number.isNaN(r.gi!.p[i]!)) expect(r.gi!.pAdj[i]!).toBeGreaterThanOrEqual(r.gi!.p[i]! - 1e-15);
    const none = analyseHotspots({ points: town(), area: { kind: 'points' }, params: params({ adjust: 'none' }) })!;
    expect(none.gi!.hot).toBeGreaterThanOrEqual(r.gi!.hot);
    const bonf = analyseHotspots({ points: town(), area: { kind: 'points' }, params: params({ adjust: 'bonferroni' }) })!;
    expect(bonf.gi!.hot).toBeLessThanOrEqual(r.gi!.hot);
  });

  it('drops points outside boundary shapes even inside their extent', () => {
    // an L-shaped district: 10..1990 × 10..990 plus 10..990 × 990..1990
    const shape: [number, number][] = [[10, 10], [1990, 10], [1990, 990], [990, 990], [990, 1990], [10, 1990], [10, 10]];
    const r = analyseHotspots({
      points: [...at(500, 500, 3), ...at(1500, 1500, 5)],
      area: { kind: 'boundaries', polygons: [[shape]], names: ['L'] },
      params: params({ method: 'kde' }),
    })!;
    expect(r.points).toEqual({ used: 3, outside: 5 });
    expect(r.grid).toMatchObject({ x0: 0, y0: 0, cols: 20, rows: 20 });
    expect(r.cellsInArea).toBe(300); // 200 + 100 cells whose centres are inside; the edges cross only those
    expect(hotspotSummary(r).studyArea.boundaries).toEqual(['L']);
  });

  it('computes change per cell as after minus before', () => {
    const r = analyseHotspots({
      points: [...at(150, 150, 4), ...at(550, 550, 1)],
      before: [...at(150, 150, 1), ...at(750, 750, 2)],
      area: { kind: 'bbox', extent: { minE: 0, minN: 0, maxE: 999, maxN: 999 } },
      params: params({ method: 'change' }),
    })!;
    const cells = selectCells(r, 'nonzero');
    const fc = hotspotGeoJson(r, 'nonzero', {});
    const byCell = new Map(fc.features.map((f) => [`${f.properties.col},${f.properties.row}`, f.properties]));
    expect(byCell.get('1,1')).toMatchObject({ count_before: 1, count_after: 4, change: 3 });
    expect(byCell.get('5,5')).toMatchObject({ count_before: 0, count_after: 1, change: 1 });
    expect(byCell.get('7,7')).toMatchObject({ count_before: 2, count_after: 0, change: -2 });
    expect(cells.length).toBe(fc.features.length);
    expect(hotspotSummary(r).change).toEqual({ before: 3, after: 5, difference: 2 });
    const k0 = (3 / (Math.PI * 300 ** 2)) * 1e6;
    expect(byCell.get('1,1')!.density_change as number).toBeCloseTo(3 * k0, 4);
  });

  it('gives a well-defined empty result: zeros, Gi* null, warnings, no NaN in JSON', () => {
    const r = analyseHotspots({ points: [], area: { kind: 'bbox', extent: { minE: 0, minN: 0, maxE: 499, maxN: 499 } }, params: params() })!;
    expect(r.points).toEqual({ used: 0, outside: 0 });
    expect(r.warnings.join(' ')).toMatch(/No located incidents/);
    expect(r.warnings.join(' ')).toMatch(/Gi\* is undefined/);
    expect(hotspotGeoJson(r, 'nonzero', {}).features).toHaveLength(0);
    const all = hotspotGeoJson(r, 'all', {});
    expect(all.features).toHaveLength(25);
    expect(all.features[0]!.properties).toMatchObject({ count: 0, density: 0, gi_z: null, p: null, p_adj: null, class: 'none' });
    expect(JSON.stringify(all)).not.toMatch(/NaN/);
    expect(analyseHotspots({ points: [], area: { kind: 'points' }, params: params() })).toBeNull();
  });

  it('handles a single incident and all-identical points', () => {
    const one = analyseHotspots({ points: at(600_050, 150_050), area: { kind: 'points' }, params: params() })!;
    expect(one.points.used).toBe(1);
    expect(cellProperties(one, cellOf(one.grid, 600_050, 150_050))).toMatchObject({ count: 1, class: 'none' });
    expect(selectCells(one, 'nonzero').length).toBe(1); // Gi*: the cell with the incident (nothing significant)
    const kde = analyseHotspots({ points: at(600_050, 150_050), area: { kind: 'points' }, params: params({ method: 'kde' }) })!;
    expect(selectCells(kde, 'nonzero').length).toBe(25); // centres closer than the 300 m bandwidth: |dx|, |dy| <= 2 cells
    const same = analyseHotspots({ points: at(600_050, 150_050, 50), area: { kind: 'points' }, params: params() })!;
    expect(same.points.used).toBe(50);
    expect(Number.isFinite(same.gi!.z[selectCells(same, 'nonzero')[0]!]!)).toBe(true);
  });

  it('warns when the bandwidth is smaller than the cell, or the neighbour distance is', () => {
    const kde = analyseHotspots({ points: at(50, 50), area: { kind: 'points' }, params: params({ method: 'kde', bandwidth: 50 }) })!;
    expect(kde.warnings[0]).toMatch(/bandwidth \(50 m\) is smaller than the cell size \(100 m\)/);
    const gi = analyseHotspots({ points: at(50, 50), area: { kind: 'points' }, params: params({ neighbour: 50 }) })!;
    expect(gi.warnings[0]).toMatch(/neighbour distance \(50 m\) is smaller than the cell size/);
  });
});

describe('hotspotGeoJson', () => {
  const r = analyseHotspots({ points: town(), area: { kind: 'points' }, params: params() })!;

  it('outputs closed anticlockwise WGS84 squares with the foreign members given', () => {
    const fc = hotspotGeoJson(r, 'significant', { provenance: { analysis: 'hotspots' } });
    expect(fc.provenance).toEqual({ analysis: 'hotspots' });
    expect(fc.features.length).toBe(r.gi!.hot + r.gi!.cold);
    const ring = fc.features[0]!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    let area2 = 0;
    for (let k = 0; k < 4; k++) area2 += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
    expect(area2).toBeGreaterThan(0);
    // Maidstone is near 0.52°E, 51.27°N
    expect(ring[0]![0]).toBeGreaterThan(0.4);
    expect(ring[0]![0]).toBeLessThan(0.65);
    expect(ring[0]![1]).toBeGreaterThan(51.2);
    expect(ring[0]![1]).toBeLessThan(51.35);
  });

  it('refuses to return more features than the limit, and significant cells without Gi*', () => {
    expect(() => hotspotGeoJson(r, 'all', {}, 100)).toThrow(/cells: [0-9,]+ cells would be returned, over the limit of 100/);
    const kde = analyseHotspots({ points: town(), area: { kind: 'points' }, params: params({ method: 'kde' }) })!;
    expect(() => selectCells(kde, 'significant')).toThrow(AppError);
  });
});
