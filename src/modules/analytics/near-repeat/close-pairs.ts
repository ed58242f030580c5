import type { IntervalSide, Metric } from './bands.js';

/**
 * Every pair of events within the last spatial limit, found once and kept in typed arrays
 * (compressed rows): the pairs of event i are `pairs[rowStart[i] .. rowStart[i+1])`, each packed
 * as `j * 256 + spatial band` with j > i, so each unordered pair appears once. Events are numbered
 * in `order` (grid order, so an event's partners have nearby numbers and the permutation loop
 * reads memory close together); `order[k]` is the input index of event k.
 */
export interface ClosePairs {
  n: number;
  order: Int32Array;
  rowStart: Int32Array;
  pairs: Int32Array;
}

/** Pairs are packed with the event number above 8 bits of band in a 32-bit integer. */
export const MAX_EVENTS = 8_000_000;
export const MAX_SPATIAL_BANDS = 255;
/** 100 million pairs take 400 MB (800 MB while being collected). */
export const MAX_PAIRS = 100_000_000;

/** Thrown when the data has more close pairs than MAX_PAIRS (the caller names the remedy). */
export class TooManyPairsError extends Error {
  constructor() {
    super(`more than ${MAX_PAIRS.toLocaleString('en-GB')} pairs of events lie within the largest spatial band`);
    this.name = 'TooManyPairsError';
  }
}

interface Grid {
  order: Int32Array;
  cellX: Float64Array;
  cellY: Float64Array;
  cellStart: Int32Array; // length cells + 1
}

/** Buckets events into square cells of side `cell`, cells in row-major order. */
function buildGrid(xs: Float64Array, ys: Float64Array, cell: number): Grid {
  const n = xs.length;
  let minX = Infinity;
  let minY = Infinity;
  for (let i = 0; i < n; i++) {
    if (xs[i]! < minX) minX = xs[i]!;
    if (ys[i]! < minY) minY = ys[i]!;
  }
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gx[i] = Math.floor((xs[i]! - minX) / cell);
    gy[i] = Math.floor((ys[i]! - minY) / cell);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => gy[a]! - gy[b]! || gx[a]! - gx[b]! || a - b);
  const cellX: number[] = [];
  const cellY: number[] = [];
  const cellStart: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (k === 0 || gx[i] !== cellX.at(-1) || gy[i] !== cellY.at(-1)) {
      cellX.push(gx[i]!);
      cellY.push(gy[i]!);
      cellStart.push(k);
    }
  }
  cellStart.push(n);
  return { order, cellX: Float64Array.from(cellX), cellY: Float64Array.from(cellY), cellStart: Int32Array.from(cellStart) };
}

/** First cell at or after (cy, cx) in row-major order. */
function lowerBound(g: Grid, cy: number, cx: number): number {
  let lo = 0;
  let hi = g.cellX.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g.cellY[mid]! < cy || (g.cellY[mid] === cy && g.cellX[mid]! < cx)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Collects packed pairs in fixed-size chunks (no copying while growing). */
class PairBuffer {
  private chunks: Int32Array[] = [];
  private current = new Int32Array(1 << 20);
  private used = 0;
  count = 0;
  push(v: number): void {
    if (this.used === this.current.length) {
      if (this.count >= MAX_PAIRS) throw new TooManyPairsError();
      this.chunks.push(this.current);
      this.current = new Int32Array(1 << 20);
      this.used = 0;
    }
    this.current[this.used++] = v;
    this.count++;
  }
  toArray(shared: boolean): Int32Array {
    const out = new Int32Array(shared ? new SharedArrayBuffer(this.count * 4) : new ArrayBuffer(this.count * 4));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.current.subarray(0, this.used), at);
    return out;
  }
}

/**
 * Finds the close pairs with a grid whose cell is the largest spatial limit: a pair within that
 * distance lies in the same or an adjacent cell, and each cell is compared with itself and the
 * four "later" neighbours (east, and the three cells of the next row), so every pair is seen once.
 * `shared` puts the arrays in shared memory, for worker threads.
 */
export function findClosePairs(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  sBands: readonly number[],
  side: IntervalSide,
  metric: Metric,
  shared = false,
): ClosePairs {
  const n = x.length;
  const nS = sBands.length;
  const maxS = sBands[nS - 1]!;
  // A cell a hair wider than the limit, so rounding in (x - min) / cell can never put two points
  // exactly one limit apart two cells apart.
  const grid = buildGrid(Float64Array.from(x), Float64Array.from(y), maxS > 0 ? maxS * (1 + 1e-9) : 1);
  const { order, cellX, cellY, cellStart } = grid;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    xs[k] = x[order[k]!]!;
    ys[k] = y[order[k]!]!;
  }
  const limits = Float64Array.from(sBands);
  const left = side === 'left';
  const euclidean = metric === 'euclidean';
  const buffer = new PairBuffer();
  const rowStart = new Int32Array(shared ? new SharedArrayBuffer((n + 1) * 4) : new ArrayBuffer((n + 1) * 4));
  const scan = (i: number, from: number, to: number) => {
    const xi = xs[i]!;
    const yi = ys[i]!;
    for (let j = from; j < to; j++) {
      const dx = xs[j]! - xi;
      const dy = ys[j]! - yi;
      const d = euclidean ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
      if (left ? d > maxS : d >= maxS) continue;
      let band = 0;
      if (left) while (d > limits[band]!) band++;
      else while (d >= limits[band]!) band++;
      buffer.push(j * 256 + band);
    }
  };
  const cells = cellX.length;
  const ranges: number[] = [];
  for (let c = 0; c < cells; c++) {
    const cx = cellX[c]!;
    const cy = cellY[c]!;
    ranges.length = 0;
    if (c + 1 < cells && cellY[c + 1] === cy && cellX[c + 1] === cx + 1) ranges.push(cellStart[c + 1]!, cellStart[c + 2]!);
    for (let d = lowerBound(grid, cy + 1, cx - 1); d < cells && cellY[d] === cy + 1 && cellX[d]! <= cx + 1; d++) {
      ranges.push(cellStart[d]!, cellStart[d + 1]!);
    }
    const end = cellStart[c + 1]!;
    for (let i = cellStart[c]!; i < end; i++) {
      rowStart[i] = buffer.count;
      scan(i, i + 1, end);
      for (let r = 0; r < ranges.length; r += 2) scan(i, ranges[r]!, ranges[r + 1]!);
    }
  }
  rowStart[n] = buffer.count;
  return { n, order, rowStart, pairs: buffer.toArray(shared) };
}
