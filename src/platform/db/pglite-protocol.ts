import type { PGliteOptions } from '@electric-sql/pglite';

/** Messages between the main thread and the PGlite worker thread. */
export type WorkerRequest =
  | { id: number; type: 'query'; sql: string; params: unknown[] }
  | { id: number; type: 'copy'; sql: string; data: Uint8Array }
  | { id: number; type: 'exec'; sql: string }
  | { id: number; type: 'copyOut'; sql: string }
  | { id: number; type: 'close' };

export interface WorkerError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
}

export type WorkerResponse =
  | { id: number; ok: true; rows: Record<string, unknown>[]; rowCount: number; data?: Uint8Array }
  | { id: number; ok: false; error: WorkerError };

export interface WorkerInit {
  pgDir: string;
  /** postgresql.conf values, e.g. shared_buffers=32MB. */
  settings: string[];
  /** PGlite's WebAssembly compiled by the main thread (once per process), if it could. */
  wasmModule: PgliteWasmModule | undefined;
}

/** A compiled WebAssembly.Module of PGlite (the lib setting has no WebAssembly types). */
export type PgliteWasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
