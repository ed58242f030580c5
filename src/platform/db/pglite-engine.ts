import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { pgliteMemory, type PgliteCompiler, type PgliteMemory } from '../config.js';
import { AppError } from '../errors.js';
import type { CopyOutRequest, CopyRequest, Engine, EngineConnection, Lease, RawResult } from './engine.js';
import { copyOutSql, copySql } from './engine.js';
import { acquireDirLock } from './lock.js';
import { createMutex } from './mutex.js';
import type { PgliteWasmModule, WorkerInit, WorkerRequest, WorkerResponse } from './pglite-protocol.js';
import { SqlError } from './sql-error.js';

// Tests run the TypeScript sources; the worker always runs compiled JavaScript from dist/.
/** Text sent to the worker per COPY statement. */
const COPY_BATCH_CHARS = 2_000_000;

const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/platform/db/pglite-worker.js', import.meta.url)
  : new URL('./pglite-worker.js', import.meta.url);

type WorkerPayload =
  | { type: 'query'; sql: string; params: unknown[] }
  | { type: 'copy'; sql: string; data: Uint8Array }
  | { type: 'exec'; sql: string }
  | { type: 'copyOut'; sql: string }
  | { type: 'close' };

const encoder = new TextEncoder();

/**
 * postgresql.conf values for the embedded database. It has no replicas: minimal WAL makes bulk
 * loads ~35% faster (measured). Memory: see PGLITE_MEMORY.
 */
export function pgliteSettings(memory: PgliteMemory): string[] {
  return ['wal_level=minimal', 'max_wal_senders=0', `shared_buffers=${memory.sharedBuffers}`, `wal_buffers=${memory.walBuffers}`];
}

const compiled = new Map<PgliteCompiler, Promise<PgliteWasmModule | undefined>>();
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<PgliteWasmModule> } }).WebAssembly;

/**
 * PGlite's WebAssembly, compiled once per process and compiler and handed to each worker: a worker
 * that compiles it itself spends ~0.4 s more CPU per open (measured), which adds up where one
 * process opens many databases (the tests). 'baseline' compiles with V8's baseline compiler only
 * (--liftoff-only while it compiles: the flag is read when code is compiled, and a module compiled
 * under it is never tiered up); 'optimising' lets V8 tier hot code up. undefined if it cannot be
 * compiled here: the worker then compiles its own.
 */
function pgliteWasmModule(compiler: PgliteCompiler): Promise<PgliteWasmModule | undefined> {
  let module = compiled.get(compiler);
  if (!module) {
    module = (async () => {
      try {
        const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
        const bytes = await fs.promises.readFile(path.join(path.dirname(entry), 'pglite.wasm'));
        v8.setFlagsFromString(compiler === 'baseline' ? '--liftoff-only' : '--no-liftoff-only');
        return await wasm.compile(bytes);
      } catch {
        return undefined;
      }
    })();
    compiled.set(compiler, module);
  }
  return module;
}

export interface PgliteEngineOptions {
  /** Defaults to the 'small' preset. */
  memory?: PgliteMemory;
  /** How PGlite's code is compiled (PGLITE_COMPILER); 'optimising' by default. */
  compiler?: PgliteCompiler;
}

/** Opens the embedded database in `dataDir/pg`, owned by a worker thread. */
export async function openPgliteEngine(dataDir: string, options: PgliteEngineOptions = {}): Promise<Engine> {
  const unlock = acquireDirLock(dataDir);
  const settings = pgliteSettings(options.memory ?? pgliteMemory('small'));
  const wasmModule = await pgliteWasmModule(options.compiler ?? 'optimising');
  const worker = new Worker(workerUrl, { workerData: { pgDir: path.join(dataDir, 'pg'), settings, wasmModule } satisfies WorkerInit });
  const pending = new Map<number, (res: WorkerResponse) => void>();
  let nextId = 1;
  let closed = false;

  const started = new Promise<void>((resolve, reject) => {
    pending.set(0, (res) => (res.ok ? resolve() : reject(new AppError('internal', `PGlite failed to start: ${res.error.message}`))));
  });
  worker.on('message', (res: WorkerResponse) => {
    const done = pending.get(res.id);
    pending.delete(res.id);
    done?.(res);
  });
  worker.on('error', (err) => {
    for (const done of pending.values()) done({ id: -1, ok: false, error: { message: err.message } });
    pending.clear();
  });
  try {
    await started;
  } catch (err) {
    await worker.terminate();
    unlock();
    throw err;
  }

  function send(payload: WorkerPayload, transfer: ArrayBuffer[] = []): Promise<RawResult & { data?: Uint8Array }> {
    if (closed) return Promise.reject(new AppError('internal', 'Database is closed'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, (res) => {
        if (res.ok) resolve({ rows: res.rows, rowCount: res.rowCount, ...(res.data ? { data: res.data } : {}) });
        else reject(new SqlError(res.error.message, res.error.code, res.error.detail));
      });
      worker.postMessage({ id, ...payload } as WorkerRequest, transfer);
    });
  }

  const conn: EngineConnection = {
    query: <R>(sql: string, params: readonly unknown[] = []) =>
      send({ type: 'query', sql, params: [...params] }) as Promise<RawResult<R>>,
    async exec(script: string) {
      await send({ type: 'exec', sql: script });
    },
    async copyFrom(req: CopyRequest) {
      const sql = copySql(req, "'/dev/blob'");
      // One COPY per batch of chunks (each COPY has a fixed cost in the worker), at most two in
      // flight: the worker loads one while the next is parsed. The first chunk goes alone, so the
      // worker starts early.
      let total = 0;
      const inFlight: Promise<RawResult>[] = [];
      let batch: (string | Uint8Array)[] = [];
      let batched = 0;
      let sent = 0;
      let failed = false;
      // The first refusal is the cause; a COPY already in flight behind it then fails with
      // "current transaction is aborted", which must not hide it.
      let firstError: unknown = null;
      const flush = async () => {
        if (batch.length === 0) return;
        const data = joinBytes(batch);
        batch = [];
        batched = 0;
        sent++;
        const copy = send({ type: 'copy', sql, data }, [data.buffer as ArrayBuffer]);
        // A COPY may fail while the next batch is gathered: note it now (a rejection with no
        // handler yet would be an unhandled rejection); it is thrown below.
        copy.catch((err: unknown) => {
          failed = true;
          firstError ??= err;
        });
        inFlight.push(copy);
        if (inFlight.length >= 2) total += (await inFlight.shift()!).rowCount;
      };
      try {
        for await (const chunk of req.chunks) {
          if (failed) break; // the transaction is aborted: stop sending
          batch.push(chunk);
          batched += chunk.length;
          if (sent === 0 || batched >= COPY_BATCH_CHARS) await flush();
        }
        if (!failed) await flush();
      } finally {
        const settled = await Promise.allSettled(inFlight.splice(0));
        if (firstError !== null) throw firstError;
        for (const r of settled) {
          if (r.status === 'rejected') throw r.reason;
          total += r.value.rowCount;
        }
      }
      return total;
    },
    // The worker writes the whole table to PGlite's /dev/blob and transfers the bytes back.
    async *copyTo(req: CopyOutRequest) {
      const { data } = await send({ type: 'copyOut', sql: copyOutSql(req, "'/dev/blob'") });
      if (data && data.byteLength > 0) yield data;
    },
  };

  const lock = createMutex();
  return {
    kind: 'pglite',
    async acquire(): Promise<Lease> {
      const release = await lock();
      return { conn, release };
    },
    async close() {
      if (closed) return;
      const release = await lock();
      try {
        await send({ type: 'close' });
      } finally {
        closed = true;
        await worker.terminate();
        unlock();
        release();
      }
    },
  };
}

/**
 * The chunks as one new UTF-8 buffer that the caller owns (it is transferred to the worker: a
 * caller's buffer may share its memory with others).
 */
function joinBytes(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  if (bytes.length === 1 && typeof parts[0] === 'string') return bytes[0]!;
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
}
