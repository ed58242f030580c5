// PGlite's memory by use (PGLITE_MEMORY): small for commands and tests, large for the server and
// imports, HUB_PGLITE_SHARED_BUFFERS over both. Embedded engine only.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabaseConfig } from '../../../test/helpers/test-db.js';
import { openDatabase } from './database.js';

describe.runIf(testEngine() === 'pglite')('PGlite memory settings', () => {
  let config: TestDatabaseConfig;
  beforeAll(async () => {
    config = await createTestDatabase();
  });
  afterAll(async () => config?.destroy());

  const setting = async (options: Parameters<typeof openDatabase>[1], sharedBuffers?: string) => {
    const handle = await openDatabase({ dataDir: config.dataDir, databaseUrl: undefined, pgliteSharedBuffers: sharedBuffers }, options);
    try {
      const r = await sql<{ sb: string; wb: string }>`select current_setting('shared_buffers') as sb, current_setting('wal_buffers') as wb`.execute(handle.db);
      return r.rows[0];
    } finally {
      await handle.close();
    }
  };

  it('opens with the small buffers by default, the large ones when asked', async () => {
    expect(await setting(undefined)).toEqual({ sb: '32MB', wb: '4MB' });
    expect(await setting({ pgliteMemory: 'large' })).toEqual({ sb: '512MB', wb: '64MB' });
  });

  it('HUB_PGLITE_SHARED_BUFFERS wins over the preset', async () => {
    expect((await setting({ pgliteMemory: 'large' }, '48MB'))?.sb).toBe('48MB');
  });
});
