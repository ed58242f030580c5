import type { Grid } from './grid.js';

/** Points with a weight each: incidents at the same snap point are one entry with weight n. */
export interface WeightedPoints {
  e: Float64Array;
  n: Float64Array;
  w: Float64Array;
}

/** Groups points on their exact coordinates (many incidents share a snap point). */
export function weightedPoints(points: readonly { easting: number; northing: number }[]): WeightedPoints {
  const index = new Map<string, number>();
  const e: number[] = [];
  const n: number[] = [];
  const w: number[] = [];
  for (const p of points) {
    const key = `${p.easting},${p.northing}`;
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, e.length);
      e.push(p.easting);
      n.push(p.northing);
      w.push(1);
    } else {
      w[k]!++;
    }
  }
  return { e: Float64Array.from(e), n: Float64Array.from(n), w: Float64Array.from(w) };
}

/**
 * The quartic (biweight) kernel in two dimensions, normalised to integrate to 1 over the plane:
 * K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h, else 0, in units of 1/m² when d and h are metres.
 * (sfhotspot's hotspot_kde, through SpatialKDE with scaled = FALSE, sums the unnormalised
 * (1 − d²/h²)²; multiply its `kde` by 3/(π h²) to get this density.)
 */
export function quarticKernel(d: number, h: number): number {
  if (!(d < h)) return 0;
  const u = 1 - (d * d) / (h * h);
  return (3 / (Math.PI * h * h)) * u * u;
}

/**
 * Kernel density at every cell centre, in incidents per square metre: f(c) = Σ w_i K(|c − x_i|).
 * Each point adds its kernel only to the cells within the bandwidth, so the cost is
 * points × (2h / cell)², not points × cells. Cells of the whole grid are filled; the caller masks.
 */
export function kernelDensity(g: Grid, pts: WeightedPoints, h: number): Float64Array {
  const out = new Float64Array(g.cols * g.rows);
  const h2 = h * h;
  const c = g.cell;
  for (let k = 0; k < pts.e.length; k++) {
    const x = pts.e[k]!;
    const y = pts.n[k]!;
    const w = pts.w[k]!;
    // cells whose centre lies within h of the point (x0 + (col + 0.5)c in [x − h, x + h])
    const c0 = Math.max(0, Math.ceil((x - h - g.x0) / c - 0.5));
    const c1 = Math.min(g.cols - 1, Math.floor((x + h - g.x0) / c - 0.5));
    const r0 = Math.max(0, Math.ceil((y - h - g.y0) / c - 0.5));
    const r1 = Math.min(g.rows - 1, Math.floor((y + h - g.y0) / c - 0.5));
    for (let r = r0; r <= r1; r++) {
      const dy = g.y0 + (r + 0.5) * c - y;
      const dy2 = dy * dy;
      if (dy2 >= h2) continue;
      const base = r * g.cols;
      for (let col = c0; col <= c1; col++) {
        const dx = g.x0 + (col + 0.5) * c - x;
        const d2 = dx * dx + dy2;
        if (d2 < h2) {
          const u = 1 - d2 / h2;
          out[base + col]! += w * u * u;
        }
      }
    }
  }
  const norm = 3 / (Math.PI * h2);
  for (let i = 0; i < out.length; i++) out[i]! *= norm;
  return out;
}
