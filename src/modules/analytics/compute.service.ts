import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createComputePool, defaultPoolSize, transferablesOf, type ComputePool } from '../../platform/compute/pool.js';
import { AppError } from '../../platform/errors.js';
import { analysisTasks, type TaskInput, type TaskName, type TaskOutput } from './worker-tasks.js';

/** Runs one of the pure analyses (tasks.ts): in the calling thread, or in the worker pool. */
export type Compute = <K extends TaskName>(task: K, input: TaskInput<K>) => Promise<TaskOutput<K>>;

/** In the calling thread: the CLI (which has nothing else to serve) and unit tests. */
export const localCompute: Compute = async (task, input) =>
  (await (analysisTasks[task] as (i: typeof input) => unknown)(input)) as TaskOutput<typeof task>;

// Tests run the TypeScript sources; the worker always runs compiled JavaScript from dist/.
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/modules/analytics/compute.worker.js', import.meta.url)
  : new URL('./compute.worker.js', import.meta.url);

/** Analyses one user may have queued or running at once over HTTP. */
export const ANALYSES_PER_USER = 2;
/** Analyses waiting for a worker, over all users, before the server answers 503. */
export const MAX_QUEUED_ANALYSES = 16;

let shared: ComputePool | null = null;

/** The process's analysis pool (max(1, cores - 1) workers), started on first use. */
export function analysisPool(): ComputePool {
  if (!shared) {
    if (!fs.existsSync(fileURLToPath(workerUrl))) {
      throw new AppError('internal', `The analysis worker is missing (${fileURLToPath(workerUrl)}): run npm run build:server`);
    }
    shared = createComputePool({
      spawn: () => new Worker(workerUrl),
      size: defaultPoolSize(),
      perOwner: ANALYSES_PER_USER,
      maxQueued: MAX_QUEUED_ANALYSES,
    });
  }
  return shared;
}

/** Stops the shared pool's workers (server shutdown, tests). */
export async function closeAnalysisPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}

/** Runs analyses in the pool for one owner (e.g. 'user:42'); the signal cancels them. */
export function pooledCompute(owner: string, signal?: AbortSignal, pool: ComputePool = analysisPool()): Compute {
  return (task, input) => pool.run(task, input, { owner, signal, transfer: transferablesOf(input) });
}

