import type { HotspotGrid } from './hotspots.js';

const finite = (x: number, digits = 6): number | null => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : null);

function total(a: Float64Array, mask: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) if (mask[i]) s += a[i]!;
  return s;
}

/** What a hotspot grid holds, in plain JSON: grid, study area, points used and left out, Gi* reference. */
export function hotspotSummary(r: HotspotGrid) {
  const { grid, mask } = r;
  return {
    method: r.method,
    units: {
      count: 'incidents in the cell',
      density: 'incidents per km² over the period: quartic kernel density at the cell centre',
      ...(r.gi ? { gi_z: 'Getis-Ord Gi* z-score; p two-sided from the normal; p_adj adjusted for the number of cells tested' } : {}),
      ...(r.before ? { change: 'after minus before, per cell (count and density)' } : {}),
    },
    grid: {
      crs: 'EPSG:27700',
      cell: grid.cell,
      cols: grid.cols,
      rows: grid.rows,
      cells: grid.cols * grid.rows,
      cellsInStudyArea: r.cellsInArea,
      origin: { easting: grid.x0, northing: grid.y0 },
    },
    studyArea: {
      kind: r.area.kind,
      extent: {
        minE: Math.round(r.area.extent.minE), minN: Math.round(r.area.extent.minN),
        maxE: Math.round(r.area.extent.maxE), maxN: Math.round(r.area.extent.maxN),
      },
      ...(r.area.names ? { boundaries: r.area.names } : {}),
    },
    incidents: { used: r.points.used, outsideStudyArea: r.points.outside },
    ...(r.before
      ? {
          before: { used: r.before.points.used, outsideStudyArea: r.before.points.outside },
          change: { before: total(r.before.count, mask), after: total(r.count, mask), difference: total(r.count, mask) - total(r.before.count, mask) },
        }
      : {}),
    ...(r.gi
      ? {
          gistar: {
            cellsTested: r.gi.n,
            meanCount: finite(r.gi.mean),
            sdCount: finite(r.gi.sd),
            neighbourhoodCells: r.gi.neighbours,
            alpha: r.params.alpha,
            adjust: r.params.adjust,
            hot: r.gi.hot,
            cold: r.gi.cold,
          },
        }
      : {}),
    warnings: r.warnings,
  };
}

export type HotspotSummary = ReturnType<typeof hotspotSummary>;
