import { AppError } from '../../../platform/errors.js';

/** A rectangle in British National Grid metres (EPSG:27700). */
export interface Extent {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

/**
 * A regular grid of square cells in BNG metres. Cell `i = row * cols + col`; row 0 is the
 * southernmost, col 0 the westernmost. The origin is a multiple of the cell size, so grids with
 * the same cell size line up whatever the study area.
 */
export interface Grid {
  x0: number;
  y0: number;
  cell: number;
  cols: number;
  rows: number;
}

/** Above this many cells a grid is refused (memory and output size), with a suggested cell size. */
export const MAX_CELLS = 2_000_000;

/** The grid covering an extent, aligned to multiples of the cell size; refuses absurd grids. */
export function gridOver(extent: Extent, cell: number, maxCells = MAX_CELLS): Grid {
  if (!(cell > 0) || !Number.isFinite(cell)) throw new AppError('validation', 'cell: must be a positive number of metres');
  if (!(extent.maxE >= extent.minE && extent.maxN >= extent.minN)) throw new AppError('validation', 'bbox: min must not exceed max');
  const x0 = Math.floor(extent.minE / cell) * cell;
  const y0 = Math.floor(extent.minN / cell) * cell;
  // floor + 1 so that a point exactly on the far edge still falls in a cell
  const cols = Math.floor((extent.maxE - x0) / cell) + 1;
  const rows = Math.floor((extent.maxN - y0) / cell) + 1;
  const cells = cols * rows;
  if (cells > maxCells) {
    const area = (extent.maxE - extent.minE + cell) * (extent.maxN - extent.minN + cell);
    const suggest = Math.ceil(Math.sqrt(area / maxCells) / 10) * 10;
    throw new AppError(
      'validation',
      `cell: a ${cell} m grid over ${((extent.maxE - extent.minE) / 1000).toFixed(1)} × ${((extent.maxN - extent.minN) / 1000).toFixed(1)} km ` +
        `would have ${cells.toLocaleString('en-GB')} cells, over the limit of ${maxCells.toLocaleString('en-GB')}; ` +
        `use a cell of at least ${suggest} m or a smaller study area (district or bbox)`,
    );
  }
  return { x0, y0, cell, cols, rows };
}

/** The cell holding a point, or -1 when the point is off the grid. Cells include their W and S edges. */
export function cellOf(g: Grid, e: number, n: number): number {
  const col = Math.floor((e - g.x0) / g.cell);
  const row = Math.floor((n - g.y0) / g.cell);
  if (col < 0 || row < 0 || col >= g.cols || row >= g.rows) return -1;
  return row * g.cols + col;
}

/** Centre of cell i in BNG metres. */
export function cellCentre(g: Grid, i: number): [number, number] {
  const col = i % g.cols;
  const row = (i - col) / g.cols;
  return [g.x0 + (col + 0.5) * g.cell, g.y0 + (row + 0.5) * g.cell];
}

/** South-west corner of cell i in BNG metres. */
export function cellCorner(g: Grid, i: number): [number, number] {
  const col = i % g.cols;
  const row = (i - col) / g.cols;
  return [g.x0 + col * g.cell, g.y0 + row * g.cell];
}
