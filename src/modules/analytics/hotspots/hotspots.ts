import { cellOf, type Extent, type Grid } from './grid.js';
import { giStar } from './gistar.js';
import { kernelDensity, weightedPoints, type WeightedPoints } from './kde.js';
import { adjustPValues, twoSidedP, type AdjustMethod } from './p-values.js';
import { studyAreaOf, type StudyAreaSpec } from './study-area.js';

export const hotspotMethods = ['kde', 'gistar', 'change'] as const;
export type HotspotMethod = (typeof hotspotMethods)[number];

/** A located incident in British National Grid metres. */
export interface BngPoint {
  easting: number;
  northing: number;
}

export interface HotspotParams {
  method: HotspotMethod;
  /** Cell side in metres. */
  cell: number;
  /** Quartic kernel bandwidth (radius) in metres. */
  bandwidth: number;
  /** Gi* neighbour distance in metres (centre to centre, inclusive). */
  neighbour: number;
  /** Significance level for the hot/cold class, applied to the adjusted p-value. */
  alpha: number;
  adjust: AdjustMethod;
  maxCells?: number;
}

export interface HotspotInput {
  /** Incidents of the period analysed (the later period for 'change'). */
  points: readonly BngPoint[];
  /** Incidents of the comparison period ('change' only). */
  before?: readonly BngPoint[];
  area: StudyAreaSpec;
  params: HotspotParams;
}

export interface PointTally {
  /** Incidents counted in a study-area cell. */
  used: number;
  /** Incidents left out because they lie outside the study area. */
  outside: number;
}

export interface GiStarCells {
  z: Float64Array;
  p: Float64Array;
  pAdj: Float64Array;
  /** Study-area cells, their mean count and standard deviation (the Gi* reference). */
  n: number;
  mean: number;
  sd: number;
  /** Cells in a full neighbourhood (the disc, the cell itself included). */
  neighbours: number;
  hot: number;
  cold: number;
}

/** Per-cell results over the grid (index row * cols + col); only `mask` cells are the study area. */
export interface HotspotGrid {
  method: HotspotMethod;
  params: HotspotParams;
  area: { kind: StudyAreaSpec['kind']; extent: Extent; names?: readonly string[] };
  grid: Grid;
  mask: Uint8Array;
  cellsInArea: number;
  points: PointTally;
  /** Incidents per cell in the period. */
  count: Float64Array;
  /** Quartic kernel density at the cell centre, incidents per km² over the period. */
  density: Float64Array;
  gi?: GiStarCells;
  before?: { points: PointTally; count: Float64Array; density: Float64Array };
  warnings: string[];
}

/** Drops points outside the study area and counts incidents per cell. */
function tally(g: Grid, mask: Uint8Array, pts: WeightedPoints): { inside: WeightedPoints; count: Float64Array; tally: PointTally } {
  const count = new Float64Array(g.cols * g.rows);
  const keep: number[] = [];
  let used = 0;
  let outside = 0;
  for (let k = 0; k < pts.e.length; k++) {
    const i = cellOf(g, pts.e[k]!, pts.n[k]!);
    const w = pts.w[k]!;
    if (i < 0 || !mask[i]) {
      outside += w;
      continue;
    }
    count[i]! += w;
    used += w;
    keep.push(k);
  }
  const pick = (a: Float64Array) => Float64Array.from(keep, (k) => a[k]!);
  return { inside: { e: pick(pts.e), n: pick(pts.n), w: pick(pts.w) }, count, tally: { used, outside } };
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function densityPerKm2(g: Grid, mask: Uint8Array, pts: WeightedPoints, bandwidth: number): Float64Array {
  const d = kernelDensity(g, pts, bandwidth);
  for (let i = 0; i < d.length; i++) d[i] = mask[i] ? d[i]! * 1e6 : 0;
  return d;
}

function checkParams(p: HotspotParams, warnings: string[]): void {
  if (p.method !== 'gistar' && p.bandwidth < p.cell) {
    warnings.push(
      `The bandwidth (${p.bandwidth} m) is smaller than the cell size (${p.cell} m): each cell's density comes from ` +
        'points within less than a cell of its centre, so most cells between snap points get none.',
    );
  }
  if (p.method === 'gistar' && p.neighbour < p.cell) {
    warnings.push(
      `The neighbour distance (${p.neighbour} m) is smaller than the cell size (${p.cell} m): each cell is its only ` +
        'neighbour, so Gi* reduces to a standardised count.',
    );
  }
}

/**
 * Hotspots on a regular BNG grid over a study area. Pure: no IO, no clock, no randomness.
 * - 'kde': counts and quartic kernel density per cell (incidents per km² over the period).
 * - 'gistar': the same, plus Getis-Ord Gi* z, two-sided normal p, adjusted p and hot/cold class.
 * - 'change': counts and densities for the comparison period (`before`) and the period
 *   (`points`); the change is after − before, per cell.
 * Points outside the study area are dropped and counted; an empty study area gives a grid of
 * zeros (Gi* undefined) rather than an error. Null when the area is set by points and there are none.
 */
export function analyseHotspots(input: HotspotInput): HotspotGrid | null {
  const { params } = input;
  const warnings: string[] = [];
  checkParams(params, warnings);
  const now = weightedPoints(input.points);
  const then = params.method === 'change' ? weightedPoints(input.before ?? []) : null;
  const allE = then ? concat(now.e, then.e) : now.e;
  const allN = then ? concat(now.n, then.n) : now.n;
  const margin = Math.max(params.cell, params.bandwidth, params.method === 'gistar' ? params.neighbour : 0);
  const area = studyAreaOf(input.area, allE, allN, params.cell, margin, params.maxCells);
  if (!area) return null;
  const { grid, mask } = area;
  const current = tally(grid, mask, now);
  if (current.tally.used === 0) warnings.push('No located incidents fall inside the study area.');
  const result: HotspotGrid = {
    method: params.method,
    params,
    area: { kind: area.kind, extent: area.extent, ...(input.area.kind === 'boundaries' ? { names: input.area.names } : {}) },
    grid,
    mask,
    cellsInArea: area.cellsInArea,
    points: current.tally,
    count: current.count,
    density: densityPerKm2(grid, mask, current.inside, params.bandwidth),
    warnings,
  };
  if (params.method === 'gistar') {
    const gi = giStar(grid, current.count, mask, params.neighbour);
    const p = gi.z.map(twoSidedP);
    const pAdj = adjustPValues(p, params.adjust);
    result.gi = { z: gi.z, p, pAdj, n: gi.n, mean: gi.mean, sd: gi.sd, neighbours: gi.neighbours, hot: 0, cold: 0 };
    for (let i = 0; i < pAdj.length; i++) {
      const cls = hotspotClass(result.gi, i, params.alpha);
      if (cls !== 'none') result.gi[cls]++;
    }
    if (!(gi.sd > 0)) warnings.push('Every study-area cell has the same count: Gi* is undefined (null).');
  }
  if (then) {
    const before = tally(grid, mask, then);
    result.before = { points: before.tally, count: before.count, density: densityPerKm2(grid, mask, before.inside, params.bandwidth) };
  }
  return result;
}

/** 'hot' or 'cold' when the adjusted p-value is below alpha, by the sign of z; else 'none'. */
export function hotspotClass(gi: GiStarCells, i: number, alpha: number): 'hot' | 'cold' | 'none' {
  const z = gi.z[i]!;
  if (!(gi.pAdj[i]! < alpha)) return 'none';
  return z > 0 ? 'hot' : z < 0 ? 'cold' : 'none';
}
