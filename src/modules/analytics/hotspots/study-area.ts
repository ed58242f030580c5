import { gridOver, type Extent, type Grid } from './grid.js';

/** A polygon in BNG metres: the outer ring first, then any holes; each ring a list of [e, n]. */
export type BngPolygon = readonly (readonly (readonly [number, number])[])[];

/**
 * Where the grid is laid and which cells count as the study area.
 * - 'boundaries': the extent of the given shapes; cells whose centre lies inside a shape, or that
 *   a shape's edge passes through, form the study area (so coastal and border cells are kept).
 * - 'bbox': an explicit BNG rectangle; every cell in it.
 * - 'points': no shapes held: a robust extent of the points (see robustExtent); every cell in it.
 */
export type StudyAreaSpec =
  | { kind: 'boundaries'; polygons: readonly BngPolygon[]; names: readonly string[] }
  | { kind: 'bbox'; extent: Extent }
  | { kind: 'points' };

export interface StudyArea {
  kind: StudyAreaSpec['kind'];
  extent: Extent;
  grid: Grid;
  /** 1 for cells in the study area. */
  mask: Uint8Array;
  cellsInArea: number;
}

/** Quantile of sorted values, linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The share of points trimmed at each end of each axis before the margin is added. */
export const ROBUST_TRIM = 0.005;
/** Margin added on each side, as a share of the trimmed range (at least `minMargin`). */
export const ROBUST_MARGIN = 0.1;

/**
 * A rectangle holding the bulk of the points, so a few stray far-away points (Kent rows geocoded
 * in Salford) cannot stretch the grid: the 0.5th to 99.5th percentile of eastings and of
 * northings, widened on each side by 10% of that range or `minMargin`, whichever is larger.
 * Null when there are no points.
 */
export function robustExtent(es: ArrayLike<number>, ns: ArrayLike<number>, minMargin: number): Extent | null {
  if (es.length === 0) return null;
  const e = Float64Array.from(es).sort();
  const n = Float64Array.from(ns).sort();
  const lowE = quantileSorted(e, ROBUST_TRIM);
  const highE = quantileSorted(e, 1 - ROBUST_TRIM);
  const lowN = quantileSorted(n, ROBUST_TRIM);
  const highN = quantileSorted(n, 1 - ROBUST_TRIM);
  const mE = Math.max(ROBUST_MARGIN * (highE - lowE), minMargin);
  const mN = Math.max(ROBUST_MARGIN * (highN - lowN), minMargin);
  return { minE: lowE - mE, minN: lowN - mN, maxE: highE + mE, maxN: highN + mN };
}

export function polygonsExtent(polygons: readonly BngPolygon[]): Extent | null {
  let minE = Infinity;
  let minN = Infinity;
  let maxE = -Infinity;
  let maxN = -Infinity;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const [e, n] of ring) {
        if (e < minE) minE = e;
        if (e > maxE) maxE = e;
        if (n < minN) minN = n;
        if (n > maxN) maxN = n;
      }
    }
  }
  return minE <= maxE ? { minE, minN, maxE, maxN } : null;
}

/** Marks every cell a segment passes through (grid traversal in cell units, Amanatides & Woo). */
function markSegment(g: Grid, mask: Uint8Array, ax: number, ay: number, bx: number, by: number): void {
  const u0 = (ax - g.x0) / g.cell;
  const v0 = (ay - g.y0) / g.cell;
  const u1 = (bx - g.x0) / g.cell;
  const v1 = (by - g.y0) / g.cell;
  let col = Math.floor(u0);
  let row = Math.floor(v0);
  const endCol = Math.floor(u1);
  const endRow = Math.floor(v1);
  const du = u1 - u0;
  const dv = v1 - v0;
  const stepC = du > 0 ? 1 : du < 0 ? -1 : 0;
  const stepR = dv > 0 ? 1 : dv < 0 ? -1 : 0;
  const tDeltaC = stepC ? 1 / Math.abs(du) : Infinity;
  const tDeltaR = stepR ? 1 / Math.abs(dv) : Infinity;
  let tMaxC = stepC > 0 ? (col + 1 - u0) / du : stepC < 0 ? (u0 - col) / -du : Infinity;
  let tMaxR = stepR > 0 ? (row + 1 - v0) / dv : stepR < 0 ? (v0 - row) / -dv : Infinity;
  let steps = Math.abs(endCol - col) + Math.abs(endRow - row);
  for (;;) {
    if (col >= 0 && row >= 0 && col < g.cols && row < g.rows) mask[row * g.cols + col] = 1;
    if (steps-- <= 0) break;
    if (tMaxC < tMaxR) {
      col += stepC;
      tMaxC += tDeltaC;
    } else {
      row += stepR;
      tMaxR += tDeltaR;
    }
  }
}

/**
 * Cells of the grid inside the polygons: centre inside a polygon (even-odd rule over its rings,
 * filled row by row along each row's centre line) or crossed by one of its edges.
 */
export function rasterisePolygons(g: Grid, polygons: readonly BngPolygon[]): Uint8Array {
  const mask = new Uint8Array(g.cols * g.rows);
  for (const poly of polygons) {
    const ext = polygonsExtent([poly]);
    if (!ext) continue;
    const rowMin = Math.max(0, Math.ceil((ext.minN - g.y0) / g.cell - 0.5));
    const rowMax = Math.min(g.rows - 1, Math.ceil((ext.maxN - g.y0) / g.cell - 0.5) - 1);
    const crossings: number[][] = [];
    for (let r = rowMin; r <= rowMax; r++) crossings.push([]);
    for (const ring of poly) {
      for (let k = 0; k < ring.length; k++) {
        const [ax, ay] = ring[k]!;
        const [bx, by] = ring[(k + 1) % ring.length]!;
        markSegment(g, mask, ax, ay, bx, by);
        if (ay === by) continue;
        const yLow = Math.min(ay, by);
        const yHigh = Math.max(ay, by);
        // rows whose centre line y satisfies yLow <= y < yHigh (half-open: vertices count once)
        const r0 = Math.max(rowMin, Math.ceil((yLow - g.y0) / g.cell - 0.5));
        const r1 = Math.min(rowMax, Math.ceil((yHigh - g.y0) / g.cell - 0.5) - 1);
        for (let r = r0; r <= r1; r++) {
          const y = g.y0 + (r + 0.5) * g.cell;
          crossings[r - rowMin]!.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
        }
      }
    }
    for (let r = rowMin; r <= rowMax; r++) {
      const xs = crossings[r - rowMin]!.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        // columns whose centre x satisfies xs[k] <= x < xs[k+1]
        const c0 = Math.max(0, Math.ceil((xs[k]! - g.x0) / g.cell - 0.5));
        const c1 = Math.min(g.cols - 1, Math.ceil((xs[k + 1]! - g.x0) / g.cell - 0.5) - 1);
        const base = r * g.cols;
        for (let c = c0; c <= c1; c++) mask[base + c] = 1;
      }
    }
  }
  return mask;
}

/**
 * Lays the grid for a study area. `pointE`/`pointN` are the points that set a robust extent when
 * no shapes or bbox are given; `minMargin` keeps that extent at least a bandwidth wide around them.
 * Null when the area is 'points' and there are none.
 */
export function studyAreaOf(
  spec: StudyAreaSpec,
  pointE: ArrayLike<number>,
  pointN: ArrayLike<number>,
  cell: number,
  minMargin: number,
  maxCells?: number,
): StudyArea | null {
  let extent: Extent | null;
  if (spec.kind === 'bbox') extent = spec.extent;
  else if (spec.kind === 'boundaries') extent = polygonsExtent(spec.polygons);
  else extent = robustExtent(pointE, pointN, minMargin);
  if (!extent) return null;
  const grid = gridOver(extent, cell, maxCells);
  const mask = spec.kind === 'boundaries' ? rasterisePolygons(grid, spec.polygons) : new Uint8Array(grid.cols * grid.rows).fill(1);
  let cellsInArea = 0;
  for (let i = 0; i < mask.length; i++) cellsInArea += mask[i]!;
  return { kind: spec.kind, extent, grid, mask, cellsInArea };
}
