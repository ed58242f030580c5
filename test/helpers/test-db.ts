import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.js';

export type TestEngine = 'pglite' | 'postgres';

/** Which engine this test run targets: HUB_TEST_ENGINE=pglite (default) or postgres. */
export function testEngine(): TestEngine {
  const e = process.env.HUB_TEST_ENGINE ?? 'pglite';
  if (e !== 'pglite' && e !== 'postgres') throw new Error(`HUB_TEST_ENGINE must be pglite or postgres, not '${e}'`);
  return e;
}

/** The admin URL of the PostgreSQL server used by the postgres tier. */
export function adminPgUrl(): string {
  const url = process.env.HUB_TEST_PG_URL;
  if (!url) throw new Error('HUB_TEST_ENGINE=postgres needs HUB_TEST_PG_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  return url;
}

/** Where a test database lives: what the CLI would get as HUB_DATA_DIR or DATABASE_URL. */
export interface TestDatabaseConfig {
  engine: TestEngine;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Environment for a child process (`node bin/hub.js ...`) using this database. */
  env: Record<string, string>;
  /**
   * The audit key in `<dataDir>/audit.key` (owner-only), where the embedded database looks for it;
   * on PostgreSQL `env` points HUB_AUDIT_KEY_FILE at it. Tests that append in-process and then
   * run the CLI or server on the same database use this key, as a real deployment would.
   */
  auditKey: Buffer;
  auditKeyFile: string;
  /** Drops the database / removes the data folder. Call after every handle is closed. */
  destroy(): Promise<void>;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPgUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty, private database for one test file: a fresh temp HUB data dir for PGlite,
 * or `CREATE DATABASE hub_test_<random>` on the HUB_TEST_PG_URL server for PostgreSQL.
 * Nothing is opened: see openTestDatabase for that.
 */
export async function createTestDatabase(engine: TestEngine = testEngine()): Promise<TestDatabaseConfig> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-db-test-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const auditKeyFile = path.join(dataDir, 'audit.key');
  const keyText = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(auditKeyFile, `${keyText}\n`, { mode: 0o600 });
  const auditKey = Buffer.from(keyText, 'utf8');
  if (engine === 'pglite') {
    return {
      engine,
      dataDir,
      databaseUrl: undefined,
      env: { HUB_DATA_DIR: dataDir, DATABASE_URL: '' },
      auditKey,
      auditKeyFile,
      destroy: async () => removeDir(),
    };
  }
  const name = `hub_test_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(adminPgUrl());
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine,
    dataDir,
    databaseUrl,
    env: { HUB_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, HUB_AUDIT_KEY_FILE: auditKeyFile },
    auditKey,
    auditKeyFile,
    destroy: async () => {
      removeDir();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export interface TestDatabase extends TestDatabaseConfig {
  handle: DatabaseHandle;
  /** Closes the handle and destroys the database; safe to call twice. */
  cleanup(): Promise<void>;
}

/** Opens (and migrates) a fresh database for one test file on the engine of this tier. */
export async function openTestDatabase(engine: TestEngine = testEngine()): Promise<TestDatabase> {
  const config = await createTestDatabase(engine);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (err) {
    await config.destroy();
    throw err;
  }
  let done: Promise<void> | undefined;
  return {
    ...config,
    handle,
    cleanup: () => (done ??= handle.close().finally(() => config.destroy())),
  };
}
