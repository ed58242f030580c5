import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
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

/** The migrated database that test/setup/template-db.ts prepares once per run. */
export type TemplateDatabase = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; database: string };

export interface TestDatabaseOptions {
  engine?: TestEngine;
  /**
   * true: an empty database without any migration (for tests of the migrations themselves).
   * Otherwise a copy of the run's migrated template database, when the tier has one.
   */
  empty?: boolean;
}

function optionsOf(arg: TestEngine | TestDatabaseOptions | undefined): { engine: TestEngine; empty: boolean } {
  const o = typeof arg === 'string' ? { engine: arg } : (arg ?? {});
  return { engine: o.engine ?? testEngine(), empty: o.empty ?? false };
}

/** The template of this tier, if its global setup made one for this engine. */
function templateFor(engine: TestEngine): TemplateDatabase | undefined {
  let t: TemplateDatabase | null | undefined;
  try {
    t = inject('hubTemplateDatabase');
  } catch {
    t = undefined; // not inside a vitest worker
  }
  return t && t.engine === engine ? t : undefined;
}

/**
 * Creates a private database for one test file: a temp HUB data dir for PGlite, or
 * `CREATE DATABASE hub_test_<random>` on the HUB_TEST_PG_URL server for PostgreSQL. It is a copy
 * of the run's migrated template (see test/setup/template-db.ts), or empty with `{ empty: true }`
 * (or when the tier has no template: the first open then migrates it).
 * Nothing is opened: see openTestDatabase for that.
 */
export async function createTestDatabase(arg?: TestEngine | TestDatabaseOptions): Promise<TestDatabaseConfig> {
  const { engine, empty } = optionsOf(arg);
  const template = empty ? undefined : templateFor(engine);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-db-test-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const auditKeyFile = path.join(dataDir, 'audit.key');
  const keyText = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(auditKeyFile, `${keyText}\n`, { mode: 0o600 });
  const auditKey = Buffer.from(keyText, 'utf8');
  if (engine === 'pglite') {
    if (template?.engine === 'pglite') fs.cpSync(template.dataDir, dataDir, { recursive: true });
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
  const from = template?.engine === 'postgres' ? ` template ${template.database}` : '';
  await withAdmin((c) => c.query(`create database ${name}${from}`));
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

/**
 * Opens a fresh, migrated database for one test file on the engine of this tier (a copy of the
 * run's template; `{ empty: true }` migrates an empty one instead).
 */
export async function openTestDatabase(arg?: TestEngine | TestDatabaseOptions): Promise<TestDatabase> {
  const config = await createTestDatabase(arg);
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
