import { wasmLaneCounter } from './knox-wasm.js';
import { iterationRandom, shuffleInPlace } from './seeded-random.js';

/**
 * What the permutation loop needs, as typed arrays only (so it can be handed to worker threads
 * in shared memory): the close pairs, each event's time (whole days or months, in the pairs' event
 * numbering) and the table from a time difference to its temporal band.
 */
export interface PermutationJob {
  /** Pairs of event i: pairs[rowStart[i] .. rowStart[i+1]), each `j * 256 + spatial band`. */
  rowStart: Int32Array;
  pairs: Int32Array;
  times: Int32Array;
  /** timeBand[d] = temporal band of a difference of d; every d in 0..maxDiff is in a band. */
  timeBand: Uint8Array;
  maxDiff: number;
  nS: number;
  nT: number;
  seed: number;
}

/** Iterations computed together in one pass over the pairs (the loop below is unrolled for 8). */
export const LANES = 8;

/**
 * Counts the close pairs in each (spatial band, temporal band) cell for one set of times, into
 * `cells` (row-major, nS x nT).
 */
export function countCells(job: PermutationJob, times: Int32Array, cells: Int32Array): void {
  const { rowStart, pairs, timeBand, maxDiff, nT } = job;
  const n = rowStart.length - 1;
  cells.fill(0);
  for (let i = 0; i < n; i++) {
    const ti = times[i]!;
    const end = rowStart[i + 1]!;
    for (let p = rowStart[i]!; p < end; p++) {
      const v = pairs[p]!;
      let d = ti - times[v >> 8]!;
      if (d < 0) d = -d;
      if (d <= maxDiff) cells[(v & 255) * nT + timeBand[d]!]!++;
    }
  }
}

/**
 * Cell counts for LANES sets of times at once, read from `lanes` (event-major: the time of event
 * j in lane q is lanes[j * LANES + q]). One pass over the pairs serves all lanes, which is what
 * makes the Monte Carlo fast: the pairs are streamed from memory once per 8 iterations, and only
 * the few pairs close in time touch a counter. With a = t_i + maxDiff, the pair is in the window
 * when d = a - t_j lies in [0, 2 maxDiff], i.e. when `d >>> 0 <= 2 * maxDiff`, and its band is
 * `shifted[d]`. `out` holds LANES tables of nS x nT.
 */
function countLanes(job: PermutationJob, lanes: Int32Array, out: Int32Array): void {
  const { rowStart, pairs, nT } = job;
  const m = job.maxDiff;
  const w = 2 * m;
  const shifted = new Uint8Array(w + 1);
  for (let d = 0; d <= w; d++) shifted[d] = job.timeBand[Math.abs(d - m)]!;
  const size = job.nS * nT;
  const o1 = size, o2 = 2 * size, o3 = 3 * size, o4 = 4 * size, o5 = 5 * size, o6 = 6 * size, o7 = 7 * size;
  const n = rowStart.length - 1;
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const b = i * LANES;
    const a0 = lanes[b]! + m, a1 = lanes[b + 1]! + m, a2 = lanes[b + 2]! + m, a3 = lanes[b + 3]! + m;
    const a4 = lanes[b + 4]! + m, a5 = lanes[b + 5]! + m, a6 = lanes[b + 6]! + m, a7 = lanes[b + 7]! + m;
    const end = rowStart[i + 1]!;
    for (let p = rowStart[i]!; p < end; p++) {
      const v = pairs[p]!;
      const j = (v >> 8) * LANES;
      const cell = (v & 255) * nT;
      let d = a0 - lanes[j]!;
      if (d >>> 0 <= w) out[cell + shifted[d]!]!++;
      d = a1 - lanes[j + 1]!;
      if (d >>> 0 <= w) out[o1 + cell + shifted[d]!]!++;
      d = a2 - lanes[j + 2]!;
      if (d >>> 0 <= w) out[o2 + cell + shifted[d]!]!++;
      d = a3 - lanes[j + 3]!;
      if (d >>> 0 <= w) out[o3 + cell + shifted[d]!]!++;
      d = a4 - lanes[j + 4]!;
      if (d >>> 0 <= w) out[o4 + cell + shifted[d]!]!++;
      d = a5 - lanes[j + 5]!;
      if (d >>> 0 <= w) out[o5 + cell + shifted[d]!]!++;
      d = a6 - lanes[j + 6]!;
      if (d >>> 0 <= w) out[o6 + cell + shifted[d]!]!++;
      d = a7 - lanes[j + 7]!;
      if (d >>> 0 <= w) out[o7 + cell + shifted[d]!]!++;
    }
  }
}

/** Which loop counts the lanes: WebAssembly SIMD when available (`auto`), or JavaScript. */
export type Kernel = 'auto' | 'js';

/**
 * Runs iterations [from, to) of the Monte Carlo null: for each, a fresh shuffle of the event times
 * over the events (generator seeded by (seed, iteration), so the result does not depend on how
 * iterations are split), then the cell counts. Returns the counts iteration-major:
 * result[(k - from) * nS * nT + cell].
 */
export function permutationCounts(job: PermutationJob, from: number, to: number, kernel: Kernel = 'auto'): Int32Array {
  const size = job.nS * job.nT;
  const n = job.times.length;
  const out = new Int32Array((to - from) * size);
  if (to <= from) return out;
  const shuffled = new Int32Array(n);
  const lanes = new Int32Array(n * LANES);
  const tables = new Int32Array(LANES * size);
  const count = (kernel === 'auto' ? wasmLaneCounter(job, LANES) : null) ?? ((l: Int32Array, t: Int32Array) => countLanes(job, l, t));
  for (let k0 = from; k0 < to; k0 += LANES) {
    const used = Math.min(LANES, to - k0);
    for (let q = 0; q < LANES; q++) {
      // Spare lanes of the last block repeat the last shuffle; their counts are dropped.
      if (q < used) {
        shuffled.set(job.times);
        shuffleInPlace(shuffled, iterationRandom(job.seed, k0 + q));
      }
      for (let j = 0; j < n; j++) lanes[j * LANES + q] = shuffled[j]!;
    }
    count(lanes, tables);
    out.set(tables.subarray(0, used * size), (k0 - from) * size);
  }
  return out;
}
