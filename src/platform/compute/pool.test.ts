// The analysis worker pool with tiny eval'd workers: FIFO order, the per-owner cap, the queue
// bound, errors carried with their code, and cancellation of queued and running jobs.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createComputePool, type ComputePool } from './pool.js';

// 'echo' answers at once; 'spin' busy-waits until its shared flag is set (so a test decides
// when it ends, with no timing); 'fail' throws a validation error.
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  if (req.task === 'echo') return parentPort.postMessage({ id: req.id, ok: true, output: req.input });
  if (req.task === 'spin') {
    const flag = new Int32Array(req.input.flag);
    Atomics.add(flag, 1, 1);
    while (Atomics.load(flag, 0) === 0) {}
    return parentPort.postMessage({ id: req.id, ok: true, output: 'spun' });
  }
  if (req.task === 'fail') return parentPort.postMessage({ id: req.id, ok: false, error: { code: 'validation', message: 'cell: too small' } });
});
`;

const spawn = () => new Worker(WORKER, { eval: true });
const flag = () => new SharedArrayBuffer(8);
const started = (f: SharedArrayBuffer) => Atomics.load(new Int32Array(f), 1);
const finish = (f: SharedArrayBuffer) => Atomics.store(new Int32Array(f), 0, 1);

async function until(check: () => boolean) {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('compute pool', () => {
  let pool: ComputePool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('runs jobs in arrival order on its workers and returns their output', async () => {
    pool = createComputePool({ spawn, size: 1, perOwner: 10 });
    const f = flag();
    const order: string[] = [];
    const first = pool.run('spin', { flag: f }, { owner: 'a' }).then((v) => order.push(`spin:${v}`));
    const second = pool.run('echo', 'two', { owner: 'b' }).then((v) => order.push(`echo:${v}`));
    await until(() => started(f) === 1);
    expect(pool.stats()).toMatchObject({ workers: 1, running: 1, queued: 1 });
    finish(f);
    await Promise.all([first, second]);
    expect(order).toEqual(['spin:spun', 'echo:two']);
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0, completed: 2 });
  });

  it('refuses a third job of one owner with 429 while two are queued or running; others still get in', async () => {
    pool = createComputePool({ spawn, size: 1, perOwner: 2 });
    const f = flag();
    const a1 = pool.run('spin', { flag: f }, { owner: 'user:1' });
    const a2 = pool.run('echo', 2, { owner: 'user:1' });
    const err = await pool.run('echo', 3, { owner: 'user:1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('throttled');
    expect((err as AppError).message).toMatch(/^analyses: you already have 2 analyses running \(the limit is 2/);
    const b = pool.run('echo', 'b', { owner: 'user:2' });
    finish(f);
    expect(await Promise.all([a1, a2, b])).toEqual(['spun', 2, 'b']);
    expect(await pool.run('echo', 4, { owner: 'user:1' })).toBe(4);
  });

  it('answers 503 when the queue is full', async () => {
    pool = createComputePool({ spawn, size: 1, perOwner: 10, maxQueued: 1 });
    const f = flag();
    const running = pool.run('spin', { flag: f }, { owner: 'a' });
    const queued = pool.run('echo', 1, { owner: 'b' });
    const err = (await pool.run('echo', 2, { owner: 'c' }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('unavailable');
    finish(f);
    await Promise.all([running, queued]);
  });

  it("carries the worker's error code (a 400 stays a 400)", async () => {
    pool = createComputePool({ spawn, size: 1 });
    const err = (await pool.run('fail', null, { owner: 'a' }).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect([err.code, err.message]).toEqual(['validation', 'cell: too small']);
  });

  it('takes a cancelled job out of the queue without touching the running one', async () => {
    pool = createComputePool({ spawn, size: 1, perOwner: 10 });
    const f = flag();
    const running = pool.run('spin', { flag: f }, { owner: 'a' });
    const ac = new AbortController();
    const queued = pool.run('echo', 1, { owner: 'a', signal: ac.signal }).catch((e: unknown) => e);
    ac.abort();
    expect(((await queued) as AppError).message).toMatch(/cancelled/);
    expect(pool.stats()).toMatchObject({ running: 1, queued: 0, cancelled: 1, terminated: 0 });
    finish(f);
    expect(await running).toBe('spun');
  });

  it('terminates the worker of a cancelled running job and starts a fresh one for the next', async () => {
    pool = createComputePool({ spawn, size: 1, perOwner: 1 });
    const f = flag(); // never finished: only termination can end this job
    const ac = new AbortController();
    const job = pool.run('spin', { flag: f }, { owner: 'a', signal: ac.signal }).catch((e: unknown) => e);
    await until(() => started(f) === 1);
    ac.abort();
    expect(((await job) as AppError).code).toBe('unavailable');
    expect(pool.stats()).toMatchObject({ workers: 0, running: 0, cancelled: 1, terminated: 1 });
    // The owner's slot is free again and a new worker serves the next job.
    expect(await pool.run('echo', 'after', { owner: 'a' })).toBe('after');
    expect(pool.stats().workers).toBe(1);
  });
});
