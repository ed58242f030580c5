import { parentPort, workerData } from 'node:worker_threads';
import { permutationCounts, type PermutationJob } from './knox-counts.js';

/** One worker thread's share of the Knox Monte Carlo: iterations [from, to) of a shared job. */
export interface KnoxWorkerInput {
  job: PermutationJob;
  from: number;
  to: number;
}

const { job, from, to } = workerData as KnoxWorkerInput;
const counts = permutationCounts(job, from, to);
parentPort!.postMessage(counts, [counts.buffer as ArrayBuffer]);
