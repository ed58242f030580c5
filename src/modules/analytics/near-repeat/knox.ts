import { AppError } from '../../../platform/errors.js';
import { bandLabels, checkBands, timeBandTable, type IntervalSide, type Metric } from './bands.js';
import { findClosePairs, MAX_EVENTS, MAX_SPATIAL_BANDS, TooManyPairsError } from './close-pairs.js';
import { countCells, permutationCounts, type PermutationJob } from './knox-counts.js';
import { summarisePermutations, type KnoxTables } from './knox-summary.js';

/**
 * The Knox test for space-time clustering with a Monte Carlo null (Johnson et al. 2007), as in
 * the NearRepeat R package (Steenbeek) and its Python counterpart (Davies), which agree:
 *
 * - pairs: every unordered pair of distinct events (i < j) counts once, in the cell of its
 *   spatial band and its temporal band; pairs beyond the last limit of either are not counted;
 * - bands are given by their upper limits and start at 0, closed: with `left`, [0, b1], (b1, b2],
 *   ...; with `right`, [0, b1), [b1, b2), ... So a distance of 0 is in the first band, and a
 *   first limit as small as 0.1 m (the references' choice) isolates same-location pairs;
 * - times are whole numbers (days, or months for monthly data), differences exact;
 * - null: the event times are shuffled over the events (locations stay put), afresh for each of
 *   the N iterations; the spatial bands of the pairs never change, only their time differences.
 */
export interface KnoxEvent {
  x: number;
  y: number;
  /** Whole days (or months), on any origin. */
  t: number;
}

export interface KnoxParameters {
  sBands: number[];
  tBands: number[];
  iterations: number;
  seed: number;
  intervalSide: IntervalSide;
  metric: Metric;
}

export interface KnoxResult extends KnoxTables {
  n: number;
  /** Pairs of events within the last spatial limit (whatever their time difference). */
  closePairs: number;
  sBands: number[];
  tBands: number[];
  sLabels: string[];
  tLabels: string[];
  iterations: number;
  seed: number;
  intervalSide: IntervalSide;
  metric: Metric;
}

export const MAX_ITERATIONS = 100_000;

/** The prepared test: close pairs found once, the observed table, and the permutation job. */
export interface PreparedKnox {
  job: PermutationJob;
  /** The job's event numbering: event k of the job is input event order[k]. */
  order: Int32Array;
  observed: Int32Array;
  closePairs: number;
  parameters: KnoxParameters;
  n: number;
}

function checkParameters(events: readonly KnoxEvent[], p: KnoxParameters): void {
  checkBands(p.sBands, p.intervalSide, 'sBands');
  checkBands(p.tBands, p.intervalSide, 'tBands');
  if (p.sBands.length > MAX_SPATIAL_BANDS) throw new AppError('validation', `sBands: at most ${MAX_SPATIAL_BANDS} bands`);
  if (!Number.isInteger(p.iterations) || p.iterations < 2 || p.iterations > MAX_ITERATIONS) {
    throw new AppError('validation', `iterations: must be a whole number from 2 to ${MAX_ITERATIONS}`);
  }
  if (!Number.isSafeInteger(p.seed) || p.seed < 0) throw new AppError('validation', 'seed: must be a whole number, 0 or more');
  if (events.length > MAX_EVENTS) throw new AppError('validation', `too many events (${events.length}); at most ${MAX_EVENTS}`);
  for (const [i, e] of events.entries()) {
    if (!Number.isFinite(e.x) || !Number.isFinite(e.y)) throw new AppError('validation', `event ${i + 1}: coordinates must be finite numbers`);
    if (!Number.isInteger(e.t)) throw new AppError('validation', `event ${i + 1}: time must be a whole number of days or months`);
  }
}

/**
 * Validates, finds the close pairs and counts the observed table. `shared` puts the arrays in
 * shared memory for worker threads.
 */
export function prepareKnox(events: readonly KnoxEvent[], parameters: KnoxParameters, shared = false): PreparedKnox {
  checkParameters(events, parameters);
  const { sBands, tBands, intervalSide, metric } = parameters;
  let minT = Infinity;
  let maxT = -Infinity;
  for (const e of events) {
    if (e.t < minT) minT = e.t;
    if (e.t > maxT) maxT = e.t;
  }
  const span = events.length ? maxT - minT : 0;
  if (span > 1e9) throw new AppError('validation', 'event times span more than 10^9 days or months');
  let pairs;
  try {
    pairs = findClosePairs(events.map((e) => e.x), events.map((e) => e.y), sBands, intervalSide, metric, shared);
  } catch (err) {
    if (err instanceof TooManyPairsError) {
      throw new AppError('validation', `${err.message}: narrow the data (dates, area, category) or use a smaller last spatial band`);
    }
    throw err;
  }
  const times = new Int32Array(shared ? new SharedArrayBuffer(events.length * 4) : new ArrayBuffer(events.length * 4));
  for (let k = 0; k < pairs.n; k++) times[k] = events[pairs.order[k]!]!.t - minT;
  const last = tBands[tBands.length - 1]!;
  // The largest whole difference inside the last band, capped by the data's span.
  const maxDiff = Math.min(span, intervalSide === 'left' ? Math.floor(last) : Math.ceil(last) - 1);
  const job: PermutationJob = {
    rowStart: pairs.rowStart, pairs: pairs.pairs, times, timeBand: timeBandTable(tBands, intervalSide, maxDiff), maxDiff,
    nS: sBands.length, nT: tBands.length, seed: parameters.seed,
  };
  const observed = new Int32Array(job.nS * job.nT);
  countCells(job, times, observed);
  return { job, order: pairs.order, observed, closePairs: pairs.pairs.length, parameters, n: events.length };
}

/** Builds the result from the prepared test and the counts of all N iterations (iteration-major). */
export function knoxResult(prepared: PreparedKnox, permuted: Int32Array): KnoxResult {
  const p = prepared.parameters;
  const t = summarisePermutations(prepared.observed, permuted, p.iterations, prepared.job.nS, prepared.job.nT);
  return {
    n: prepared.n,
    sBands: [...p.sBands],
    tBands: [...p.tBands],
    sLabels: bandLabels(p.sBands, p.intervalSide),
    tLabels: bandLabels(p.tBands, p.intervalSide),
    observed: t.observed,
    pValues: t.pValues,
    ratioMedian: t.ratioMedian,
    ratioMean: t.ratioMean,
    zScores: t.zScores,
    expectedMedian: t.expectedMedian,
    expectedMean: t.expectedMean,
    closePairs: prepared.closePairs,
    iterations: p.iterations,
    seed: p.seed,
    intervalSide: p.intervalSide,
    metric: p.metric,
  };
}

/**
 * The Knox test in the calling thread. `knoxTestParallel` (knox-parallel.ts) gives the same result
 * for the same seed, with the iterations spread over worker threads.
 *
 * @example
 * knoxTest(events, { sBands: [0.1, 200, 400, 600], tBands: [7, 14, 21], iterations: 99, seed: 1,
 *   intervalSide: 'left', metric: 'euclidean' }).ratioMedian[1][0] // pairs within (0.1, 200] m, [0, 7] days
 */
export function knoxTest(events: readonly KnoxEvent[], parameters: KnoxParameters): KnoxResult {
  const prepared = prepareKnox(events, parameters);
  return knoxResult(prepared, permutationCounts(prepared.job, 0, parameters.iterations));
}
