import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPgUrl, openTestDatabase, testEngine, type TestDatabase } from '../../test-support/database.js';

// PostgreSQL only: the server can end connections (restart, pg_terminate_backend); the pool must
// survive that (no uncaught 'error' event) and reconnect on the next query.
describe.runIf(testEngine() === 'postgres')('PostgreSQL engine: connections ended by the server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t?.cleanup());

  async function terminateOthers(): Promise<number> {
    const name = new URL(t.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminPgUrl() });
    await admin.connect();
    try {
      const r = await admin.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      return r.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  it('keeps serving after idle connections are terminated', async () => {
    expect((await sql<{ n: number }>`select 1 as n`.execute(t.handle.db)).rows[0]!.n).toBe(1);
    expect(await terminateOthers()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200)); // let the 'error' events arrive
    expect((await sql<{ n: number }>`select 2 as n`.execute(t.handle.db)).rows[0]!.n).toBe(2);
  });

  it('reports a query on a connection ended mid-transaction as an error, and recovers', async () => {
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await terminateOthers();
        await new Promise((r) => setTimeout(r, 200));
        await sql`select 1`.execute(trx);
      }),
    ).rejects.toThrow();
    expect((await sql<{ n: number }>`select 3 as n`.execute(t.handle.db)).rows[0]!.n).toBe(3);
  });
});
