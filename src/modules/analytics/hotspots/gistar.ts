import type { Grid } from './grid.js';

/**
 * Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary weights: a cell's neighbours are
 * the study-area cells whose centres lie within distance d of its centre, the cell itself
 * included. With x the cell counts over the n study-area cells, x̄ = Σx / n and
 * S = √(Σx² / n − x̄²) (the global mean and standard deviation over all study-area cells),
 * L_i = Σ_{j∈N(i)} x_j and W_i = |N(i)|:
 *
 *   z_i = (L_i − x̄ W_i) / (S √((n W_i − W_i²) / (n − 1)))
 *
 * the same z as esda's G_Local(star=True, transform='B') and spdep's localG with
 * include.self (used by sfhotspot's hotspot_gistar). Undefined (NaN) when S = 0 (every cell
 * equal, e.g. no incidents) or when a neighbourhood covers the whole study area (W_i = n).
 */
export function giStarZ(localSum: number, weightSum: number, n: number, mean: number, sd: number): number {
  const v = (n * weightSum - weightSum * weightSum) / (n - 1);
  if (!(sd > 0) || !(v > 0)) return NaN;
  return (localSum - mean * weightSum) / (sd * Math.sqrt(v));
}

/** Half-widths, in cells, of the disc of neighbours: row offset dy spans |dx| <= halfWidth[dy + R]. */
export function discHalfWidths(cell: number, distance: number): number[] {
  // a relative tolerance keeps exact distances (e.g. 2 cells at 200 m) inside the disc
  const r2 = (distance / cell) ** 2 * (1 + 1e-9);
  const R = Math.floor(Math.sqrt(r2));
  const out: number[] = [];
  for (let dy = -R; dy <= R; dy++) {
    let w = Math.floor(Math.sqrt(Math.max(0, r2 - dy * dy)));
    while (w * w + dy * dy > r2) w--;
    while ((w + 1) * (w + 1) + dy * dy <= r2) w++;
    out.push(w);
  }
  return out;
}

export interface GiStarGrid {
  /** z per cell; NaN outside the study area or where undefined. */
  z: Float64Array;
  /** Number of study-area cells (n), their mean count and standard deviation. */
  n: number;
  mean: number;
  sd: number;
  /** Neighbourhood size of a cell away from the edges (the disc), itself included. */
  neighbours: number;
}

/** Prefix sums along each row: P[r*(cols+1) + c] = Σ values[r*cols + k] for k < c. */
function rowPrefix(g: Grid, values: ArrayLike<number>): Float64Array {
  const w = g.cols + 1;
  const p = new Float64Array(g.rows * w);
  for (let r = 0; r < g.rows; r++) {
    let s = 0;
    const base = r * g.cols;
    for (let c = 0; c < g.cols; c++) {
      s += values[base + c]!;
      p[r * w + c + 1] = s;
    }
  }
  return p;
}

/**
 * Gi* z-score of every study-area cell. Neighbourhood sums come from per-row prefix sums, so
 * each cell costs one subtraction per row of the disc (2R + 1), not one per neighbour: a grid
 * of a million cells with a 2-cell radius takes 5 million steps. Cells outside the mask are
 * neither counted in n nor anyone's neighbours.
 */
export function giStar(g: Grid, counts: Float64Array, mask: Uint8Array, distance: number): GiStarGrid {
  const cells = g.cols * g.rows;
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  const x = new Float64Array(cells);
  for (let i = 0; i < cells; i++) {
    if (!mask[i]) continue;
    const v = counts[i]!;
    x[i] = v;
    n++;
    sum += v;
    sum2 += v * v;
  }
  const mean = n ? sum / n : NaN;
  const sd = n ? Math.sqrt(Math.max(0, sum2 / n - mean * mean)) : NaN;
  const widths = discHalfWidths(g.cell, distance);
  const R = (widths.length - 1) / 2;
  const px = rowPrefix(g, x);
  const pm = rowPrefix(g, mask);
  const stride = g.cols + 1;
  const z = new Float64Array(cells).fill(NaN);
  for (let row = 0; row < g.rows; row++) {
    for (let col = 0; col < g.cols; col++) {
      const i = row * g.cols + col;
      if (!mask[i]) continue;
      let local = 0;
      let weight = 0;
      for (let k = 0; k < widths.length; k++) {
        const r = row + k - R;
        if (r < 0 || r >= g.rows) continue;
        const w = widths[k]!;
        const a = r * stride + Math.max(0, col - w);
        const b = r * stride + Math.min(g.cols - 1, col + w) + 1;
        local += px[b]! - px[a]!;
        weight += pm[b]! - pm[a]!;
      }
      z[i] = giStarZ(local, weight, n, mean, sd);
    }
  }
  const neighbours = widths.reduce((s, w) => s + 2 * w + 1, 0);
  return { z, n, mean, sd, neighbours };
}
