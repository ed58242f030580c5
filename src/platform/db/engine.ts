/**
 * The lowest database layer: one interface over embedded PGlite (in a worker thread) and a
 * PostgreSQL server (pg pool). Kysely sits on top of it (see kysely-driver.ts).
 */
export interface RawResult<R = Record<string, unknown>> {
  rows: R[];
  rowCount: number;
}

/**
 * A bulk load: chunks of complete lines in PostgreSQL's text or CSV COPY format, as text or
 * UTF-8 bytes. Chunks are pulled lazily, so the caller can parse the next chunk while the
 * database loads this one.
 */
export interface CopyRequest {
  table: string;
  columns: readonly string[];
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
  /** text: tab-separated, \N for null; csv: comma-separated, unquoted empty for null. */
  format: 'text' | 'csv';
}

/** The columns of one table to write out with COPY ... TO. */
export interface CopyOutRequest {
  table: string;
  columns: readonly string[];
}

export interface EngineConnection {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<RawResult<R>>;
  copyFrom(req: CopyRequest): Promise<number>;
  /** A table's rows in the text COPY format (backups). Chunks may end mid-line. */
  copyTo(req: CopyOutRequest): AsyncIterable<Uint8Array>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Lease {
  conn: EngineConnection;
  release(): void;
}

export type EngineKind = 'pglite' | 'postgres';

export interface Engine {
  readonly kind: EngineKind;
  acquire(): Promise<Lease>;
  close(): Promise<void>;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/** Builds the COPY statement; identifiers are checked, never interpolated from user input. */
export function copySql(req: Pick<CopyRequest, 'table' | 'columns' | 'format'>, source: 'STDIN' | "'/dev/blob'"): string {
  for (const name of [req.table, ...req.columns]) {
    if (!identifier.test(name)) throw new Error(`Bad SQL identifier in COPY: ${name}`);
  }
  return `COPY ${req.table} (${req.columns.join(', ')}) FROM ${source} WITH (FORMAT ${req.format === 'csv' ? 'csv' : 'text'})`;
}

/** COPY (SELECT columns FROM table) TO target, text format; identifiers are checked. */
export function copyOutSql(req: CopyOutRequest, target: 'STDOUT' | "'/dev/blob'"): string {
  for (const name of [req.table, ...req.columns]) {
    if (!identifier.test(name)) throw new Error(`Bad SQL identifier in COPY: ${name}`);
  }
  return `COPY (SELECT ${req.columns.join(', ')} FROM ${req.table}) TO ${target} WITH (FORMAT text)`;
}

/** Escapes one value for the text COPY format (null -> \N). */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    default:
      return '\\r';
  }
}

/** Quotes one value for the CSV COPY format when needed (null -> empty, unquoted). */
export function csvValue(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (v === '') return '""';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
