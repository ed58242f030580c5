/**
 * A pool of worker threads for CPU-heavy, pure computations (the analyses), so that they never
 * run on the HTTP server's thread. Jobs wait in one FIFO queue; each owner (a signed-in user) may
 * have at most `perOwner` jobs queued or running, and the queue holds at most `maxQueued` jobs.
 * A job's AbortSignal takes it out of the queue, or, once it runs, terminates its worker (a
 * replacement starts on the next job). Idle workers are unref'd so they never keep a process up.
 *
 * Protocol: the pool posts `{ id, task, input }`; the worker answers `{ id, ok: true, output }`
 * or `{ id, ok: false, error: { code, message } }` (see compute-protocol in the caller's worker).
 */
import os from 'node:os';
import type { Transferable, Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors.js';

export interface ComputeRequest {
  id: number;
  task: string;
  input: unknown;
}

export type ComputeResponse =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: { code: ErrorCode | string; message: string } };

export interface RunOptions {
  /** Who asked (e.g. 'user:42'): at most `perOwner` of an owner's jobs are queued or running. */
  owner: string;
  signal?: AbortSignal | undefined;
  /** Buffers moved to the worker rather than copied (the caller must not use them afterwards). */
  transfer?: readonly Transferable[] | undefined;
}

export interface PoolStats {
  workers: number;
  running: number;
  queued: number;
  completed: number;
  cancelled: number;
  /** Workers terminated because their running job was cancelled (each is replaced on demand). */
  terminated: number;
}

export interface ComputePool {
  run<T>(task: string, input: unknown, options: RunOptions): Promise<T>;
  stats(): PoolStats;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Starts one worker thread speaking the protocol above. */
  spawn: () => Worker;
  /** Worker threads; default max(1, cores - 1), so one core stays with the HTTP thread. */
  size?: number;
  /** Jobs one owner may have queued or running at once; default 2. */
  perOwner?: number;
  /** Jobs waiting for a worker, over all owners; default 32. */
  maxQueued?: number;
}

export const defaultPoolSize = (): number => Math.max(1, os.availableParallelism() - 1);

interface Job {
  id: number;
  task: string;
  input: unknown;
  owner: string;
  transfer: readonly Transferable[];
  signal: AbortSignal | undefined;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onAbort: () => void;
  slot: Slot | null;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const cancelledError = () => new AppError('unavailable', 'The analysis was cancelled: the request that asked for it went away');

export function createComputePool(options: PoolOptions): ComputePool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const perOwner = Math.max(1, options.perOwner ?? 2);
  const maxQueued = Math.max(0, options.maxQueued ?? 32);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const perOwnerCount = new Map<string, number>();
  let nextId = 1;
  let closed = false;
  const counters = { completed: 0, cancelled: 0, terminated: 0 };

  function release(job: Job) {
    const n = (perOwnerCount.get(job.owner) ?? 1) - 1;
    if (n <= 0) perOwnerCount.delete(job.owner);
    else perOwnerCount.set(job.owner, n);
    job.signal?.removeEventListener('abort', job.onAbort);
  }

  function settle(slot: Slot, res: ComputeResponse) {
    const job = slot.job;
    if (!job || job.id !== res.id) return;
    slot.job = null;
    slot.worker.unref();
    release(job);
    counters.completed++;
    if (res.ok) job.resolve(res.output);
    else job.reject(new AppError((res.error.code in codes ? res.error.code : 'internal') as ErrorCode, res.error.message));
    pump();
  }

  function spawnSlot(): Slot {
    const slot: Slot = { worker: options.spawn(), job: null };
    slot.worker.on('message', (res: ComputeResponse) => settle(slot, res));
    const fail = (message: string) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        release(job);
        job.reject(new AppError('internal', `The analysis worker stopped: ${message}`));
      }
      pump();
    };
    slot.worker.on('error', (err) => fail(err.message));
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(`exit code ${code}`);
    });
    slot.worker.unref();
    slots.push(slot);
    return slot;
  }

  function pump() {
    while (queue.length && !closed) {
      let slot = slots.find((s) => s.job === null);
      if (!slot) {
        if (slots.length >= size) return;
        slot = spawnSlot();
      }
      const job = queue.shift()!;
      job.slot = slot;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input } satisfies ComputeRequest, [...job.transfer]);
    }
  }

  function cancel(job: Job) {
    counters.cancelled++;
    release(job);
    const slot = job.slot;
    if (slot) {
      // Running: the only way to stop synchronous work is to end its thread.
      slot.job = null;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      counters.terminated++;
      void slot.worker.terminate();
    } else {
      const i = queue.indexOf(job);
      if (i >= 0) queue.splice(i, 1);
    }
    job.reject(cancelledError());
    pump();
  }

  return {
    run<T>(task: string, input: unknown, run: RunOptions): Promise<T> {
      if (closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down'));
      if (run.signal?.aborted) return Promise.reject(cancelledError());
      const mine = perOwnerCount.get(run.owner) ?? 0;
      if (mine >= perOwner) {
        return Promise.reject(new AppError('throttled',
          `analyses: you already have ${mine} analyses running (the limit is ${perOwner} at a time); wait for one to finish`));
      }
      const idle = slots.some((s) => s.job === null) || slots.length < size;
      if (!idle && queue.length >= maxQueued) {
        return Promise.reject(new AppError('unavailable', `The server is busy with ${queue.length} analyses waiting; try again in a minute`));
      }
      return new Promise<T>((resolve, reject) => {
        const job: Job = {
          id: nextId++, task, input, owner: run.owner, transfer: run.transfer ?? [], signal: run.signal,
          resolve: resolve as (v: unknown) => void, reject, onAbort: () => cancel(job), slot: null,
        };
        perOwnerCount.set(run.owner, mine + 1);
        run.signal?.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
    stats: () => ({
      workers: slots.length,
      running: slots.filter((s) => s.job !== null).length,
      queued: queue.length,
      ...counters,
    }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        release(job);
        job.reject(new AppError('unavailable', 'The server is shutting down'));
      }
      const all = slots.splice(0);
      for (const s of all) {
        if (s.job) {
          release(s.job);
          s.job.reject(new AppError('unavailable', 'The server is shutting down'));
          s.job = null;
        }
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

const codes: Record<ErrorCode, true> = {
  validation: true, not_found: true, conflict: true, unauthenticated: true, forbidden: true, throttled: true,
  database_locked: true, unavailable: true, import_failed: true, internal: true, audit_key: true, rule_refused: true,
};

/**
 * The buffers of the typed arrays held in an object's properties (not inside arrays), to move
 * them across threads instead of copying. Only whole, non-shared buffers are listed.
 */
export function transferablesOf(value: unknown, out = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) out.add(value.buffer);
    return [...out];
  }
  if (Array.isArray(value)) return [...out];
  for (const v of Object.values(value)) transferablesOf(v, out, depth + 1);
  return [...out];
}

/** The worker side: answers each request with the named function's output (its typed arrays moved, not copied). */
export function serveComputeTasks(
  port: { on(event: 'message', fn: (req: ComputeRequest) => void): void; postMessage(msg: ComputeResponse, transfer?: readonly Transferable[]): void },
  tasks: Record<string, (input: never) => unknown>,
): void {
  port.on('message', async (req) => {
    try {
      const fn = tasks[req.task];
      if (!fn) throw new AppError('internal', `Unknown analysis task ${req.task}`);
      const output = await fn(req.input as never);
      port.postMessage({ id: req.id, ok: true, output }, transferablesOf(output));
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'internal';
      port.postMessage({ id: req.id, ok: false, error: { code, message: err instanceof Error ? err.message : String(err) } });
    }
  });
}
