import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { CopyRequest, Engine, Lease } from './engine.js';

/** A compiled query that carries a bulk load; only our driver understands it. */
interface CopyQuery extends CompiledQuery {
  readonly copy: CopyRequest;
}

class EngineConnectionAdapter implements DatabaseConnection {
  constructor(readonly lease: Lease) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const copy = (compiled as Partial<CopyQuery>).copy;
    if (copy) {
      const n = await this.lease.conn.copyFrom(copy);
      return { rows: [], numAffectedRows: BigInt(n) };
    }
    const r = await this.lease.conn.query<R>(compiled.sql, compiled.parameters);
    const isWrite = /^\s*(insert|update|delete|merge)\b/i.test(compiled.sql);
    return isWrite ? { rows: r.rows, numAffectedRows: BigInt(r.rowCount) } : { rows: r.rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported; page with limit/offset');
  }
}

class EngineDriver implements Driver {
  constructor(private readonly engine: Engine) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new EngineConnectionAdapter(await this.engine.acquire());
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as EngineConnectionAdapter).lease.release();
  }
  /** The engine is closed by its owner (DatabaseHandle.close): Kysely only destroys drivers it has used. */
  async destroy(): Promise<void> {}
}

/** Kysely dialect over either engine: PostgreSQL SQL everywhere. */
export function engineDialect(engine: Engine): Dialect {
  return {
    createAdapter: (): DialectAdapter => new PostgresAdapter(),
    createDriver: (): Driver => new EngineDriver(engine),
    createIntrospector: (db: Kysely<any>): DatabaseIntrospector => new PostgresIntrospector(db),
    createQueryCompiler: (): QueryCompiler => new PostgresQueryCompiler(),
  };
}

/**
 * Bulk-loads rows (text COPY format chunks) through a Kysely instance or transaction.
 * Inside `db.transaction()` the load is part of that transaction.
 */
export async function copyInto(db: Kysely<any>, req: CopyRequest): Promise<number> {
  const base = CompiledQuery.raw(`-- COPY ${req.table}`);
  const query: CopyQuery = { ...base, copy: req };
  const r = await db.executeQuery(query);
  return Number(r.numAffectedRows ?? 0n);
}
