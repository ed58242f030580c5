// The per-run template: each file's database is a copy of one migrated database, and
// `{ empty: true }` gives an empty one for tests of the migrations themselves.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/platform/db/migrate.js';
import { openPgEngine } from '../../src/platform/db/pg-engine.js';
import { openPgliteEngine } from '../../src/platform/db/pglite-engine.js';
import { createTestDatabase, openTestDatabase } from '../helpers/test-db.js';

describe('test databases from the template', () => {
  it('a new test database is migrated, and private to its test', async () => {
    const a = await openTestDatabase();
    const b = await openTestDatabase();
    try {
      const names = (db: typeof a.handle.db) => sql<{ name: string }>`select name from schema_migration order by name`.execute(db);
      expect((await names(a.handle.db)).rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
      await sql`create table only_in_a (x int)`.execute(a.handle.db);
      const inB = await sql<{ t: string | null }>`select to_regclass('only_in_a')::text as t`.execute(b.handle.db);
      expect(inB.rows[0]?.t).toBeNull();
      expect(a.dataDir).not.toBe(b.dataDir);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });

  it('{ empty: true } gives a database without any migration', async () => {
    const config = await createTestDatabase({ empty: true });
    const engine = config.databaseUrl ? await openPgEngine(config.databaseUrl) : await openPgliteEngine(config.dataDir);
    try {
      const { conn, release } = await engine.acquire();
      try {
        const r = await conn.query<{ t: string | null }>("select to_regclass('schema_migration')::text as t");
        expect(r.rows[0]?.t).toBeNull();
      } finally {
        release();
      }
    } finally {
      await engine.close();
      await config.destroy();
    }
  });
});
