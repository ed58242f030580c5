import pg from 'pg';
import { from as copyFromStream, to as copyToStream } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { CopyOutRequest, CopyRequest, Engine, EngineConnection, Lease, RawResult } from './engine.js';
import { copyOutSql, copySql } from './engine.js';
import { typeParsers } from './types.js';
import { SqlError } from './sql-error.js';
import { log } from '../logger.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = typeParsers[oid];
    return parser ?? pg.types.getTypeParser(oid, format);
  },
};

function wrapError(err: unknown): never {
  const e = err as { message?: string; code?: string; detail?: string };
  throw new SqlError(e.message ?? String(err), e.code, e.detail);
}

function connectionOf(client: pg.PoolClient): EngineConnection {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<RawResult<R>> {
      try {
        const r = await client.query({ text: sql, values: [...params], types });
        return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
      } catch (err) {
        return wrapError(err);
      }
    },
    async exec(script: string) {
      try {
        await client.query(script);
      } catch (err) {
        wrapError(err);
      }
    },
    async copyFrom(req: CopyRequest) {
      try {
        const stream = client.query(copyFromStream(copySql(req, 'STDIN')));
        await pipeline(Readable.from(req.chunks), stream);
        return Number(stream.rowCount);
      } catch (err) {
        return wrapError(err);
      }
    },
    async *copyTo(req: CopyOutRequest) {
      try {
        const stream = client.query(copyToStream(copyOutSql(req, 'STDOUT')));
        for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
      } catch (err) {
        wrapError(err);
      }
    },
  };
}

/** A PostgreSQL server (15+) via a pg pool. Small OLTP queries should not pay for parallel plans. */
export async function openPgEngine(url: string): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: url, max: 8, options: '-c max_parallel_workers_per_gather=0' });
  // An idle connection that the server ends (restart, pg_terminate_backend, DROP DATABASE ... FORCE)
  // is reported here; without a listener Node would treat it as an uncaught exception and exit.
  // The pool drops that connection and opens a new one on the next acquire.
  pool.on('error', (err) => log.warn('database connection lost while idle', { error: err.message }));
  const probe = await pool.connect().catch(wrapError);
  probe.release();
  return {
    kind: 'postgres',
    async acquire(): Promise<Lease> {
      const client = await pool.connect().catch(wrapError);
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
      };
      client.on('error', onError);
      return {
        conn: connectionOf(client),
        release: () => {
          client.off('error', onError);
          client.release(broken); // a connection that failed is destroyed, not reused
        },
      };
    },
    close: () => pool.end(),
  };
}
