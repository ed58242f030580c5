import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../platform/errors.js';
import { LANES, permutationCounts } from './knox-counts.js';
import { knoxResult, prepareKnox, type KnoxEvent, type KnoxParameters, type KnoxResult, type PreparedKnox } from './knox.js';
import type { KnoxWorkerInput } from './knox.worker.js';

// Tests run the TypeScript sources; the worker always runs compiled JavaScript from dist/.
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../../dist/modules/analytics/near-repeat/knox.worker.js', import.meta.url)
  : new URL('./knox.worker.js', import.meta.url);

/** Below this many pair-iterations (~0.05 s of work) starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 50_000_000;

export interface ParallelOptions {
  /** Worker threads to use; default: one per core. 1 runs in the calling thread. */
  workers?: number | undefined;
  /** Refuse when close pairs x iterations exceeds this (a budget for requests to the server). */
  maxWork?: number | undefined;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

function runWorker(input: KnoxWorkerInput): Promise<Int32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: input });
    let result: Int32Array | null = null;
    worker.once('message', (counts: Int32Array) => {
      result = counts;
    });
    worker.once('error', (err) => reject(new AppError('internal', `Knox worker failed: ${err.message}`)));
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new AppError('internal', `Knox worker stopped (exit code ${code})`));
    });
  });
}

/** Splits the iterations, in whole blocks of LANES, into `workers` contiguous ranges. */
export function splitIterations(iterations: number, workers: number): [number, number][] {
  const blocks = Math.ceil(iterations / LANES);
  const ranges: [number, number][] = [];
  for (let w = 0; w < workers; w++) {
    const from = Math.min(iterations, Math.floor((blocks * w) / workers) * LANES);
    const to = Math.min(iterations, Math.floor((blocks * (w + 1)) / workers) * LANES);
    if (to > from) ranges.push([from, to]);
  }
  return ranges;
}

/** The permuted counts of all iterations, from worker threads sharing the job's memory. */
async function permuteInWorkers(prepared: PreparedKnox, workers: number): Promise<Int32Array> {
  const { job } = prepared;
  const size = job.nS * job.nT;
  const iterations = prepared.parameters.iterations;
  const parts = await Promise.all(splitIterations(iterations, workers).map(([from, to]) => runWorker({ job, from, to })));
  const all = new Int32Array(iterations * size);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/**
 * The Knox test with the Monte Carlo iterations spread over worker threads. Each iteration's
 * shuffle is seeded by (seed, iteration), so the result equals `knoxTest` for any number of
 * workers. Small jobs (unless `workers` is given), or a build without the compiled worker, run in
 * the calling thread.
 */
export async function knoxTestParallel(events: readonly KnoxEvent[], parameters: KnoxParameters, options: ParallelOptions = {}): Promise<KnoxResult> {
  const workers = options.workers ?? defaultWorkers();
  const useWorkers = workers > 1 && fs.existsSync(fileURLToPath(workerUrl));
  const prepared = prepareKnox(events, parameters, useWorkers);
  const work = prepared.closePairs * parameters.iterations;
  if (options.maxWork !== undefined && work > options.maxWork) {
    throw new AppError('validation',
      `iterations: ${prepared.closePairs.toLocaleString('en-GB')} close pairs x ${parameters.iterations} iterations is more work than one request may take; use fewer iterations, narrow the filters or the last spatial band, or run hub analyse knox`);
  }
  const permuted = useWorkers && (work >= PARALLEL_THRESHOLD || options.workers !== undefined)
    ? await permuteInWorkers(prepared, workers)
    : permutationCounts(prepared.job, 0, parameters.iterations);
  return knoxResult(prepared, permuted);
}
