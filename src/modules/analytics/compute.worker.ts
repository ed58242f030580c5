/** Worker thread of the analysis pool: runs the named pure analysis (tasks.ts) for the pool (platform/compute/pool.ts). */
import { parentPort } from 'node:worker_threads';
import { serveComputeTasks } from '../../platform/compute/pool.js';
import { analysisTasks } from './worker-tasks.js';

if (!parentPort) throw new Error('compute.worker must run in a worker thread');
serveComputeTasks(parentPort, analysisTasks);
