/** Worker thread that owns the embedded PGlite instance, so long queries never block HTTP. */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { WorkerInit, WorkerRequest, WorkerResponse, WorkerError } from './pglite-protocol.js';
import { typeParsers } from './types.js';

const { pgDir, settings, wasmModule } = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run in a worker thread');

// Memory settings come from the main thread (PGLITE_MEMORY in platform/config.ts).
const ready = PGlite.create(pgDir, {
  parsers: typeParsers,
  relaxedDurability: false,
  postgresqlconf: settings,
  ...(wasmModule ? { pgliteWasmModule: wasmModule } : {}),
});

function toError(err: unknown): WorkerError {
  const e = err as { message?: string; code?: string; detail?: string; constraint?: string };
  const out: WorkerError = { message: e.message ?? String(err) };
  if (e.code) out.code = e.code;
  if (e.detail) out.detail = e.detail;
  if (e.constraint) out.constraint = e.constraint;
  return out;
}

port.on('message', async (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    const pg = await ready;
    if (req.type === 'close') {
      await pg.close();
      res = { id: req.id, ok: true, rows: [], rowCount: 0 };
    } else if (req.type === 'exec') {
      await pg.exec(req.sql);
      res = { id: req.id, ok: true, rows: [], rowCount: 0 };
    } else if (req.type === 'copy') {
      const r = await pg.query(req.sql, [], { blob: new Blob([req.data]) });
      res = { id: req.id, ok: true, rows: [], rowCount: r.affectedRows ?? 0 };
    } else if (req.type === 'copyOut') {
      const r = await pg.query(req.sql);
      const data = new Uint8Array(r.blob ? await r.blob.arrayBuffer() : new ArrayBuffer(0));
      port.postMessage({ id: req.id, ok: true, rows: [], rowCount: r.affectedRows ?? 0, data } satisfies WorkerResponse, [data.buffer]);
      return;
    } else {
      const r = await pg.query<Record<string, unknown>>(req.sql, req.params);
      res = { id: req.id, ok: true, rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    }
  } catch (err) {
    res = { id: req.id, ok: false, error: toError(err) };
  }
  port.postMessage(res);
});

ready.then(
  () => port.postMessage({ id: 0, ok: true, rows: [], rowCount: 0 } satisfies WorkerResponse),
  (err: unknown) => port.postMessage({ id: 0, ok: false, error: toError(err) } satisfies WorkerResponse),
);
