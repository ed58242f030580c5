// Global setup for the database tiers: migrates ONE template database per run, which
// test/helpers/test-db.ts clones for each test file instead of migrating a new database (a copy
// of the PGlite data folder; `CREATE DATABASE ... TEMPLATE` on PostgreSQL). Runs after
// ensure-build.ts (the PGlite worker runs from dist/).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import type { TemplateDatabase } from '../helpers/test-db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    hubTemplateDatabase: TemplateDatabase | null;
  }
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setupTemplateDatabase(project: TestProject): Promise<() => Promise<void>> {
  const engine = project.config.env?.HUB_TEST_ENGINE ?? process.env.HUB_TEST_ENGINE ?? 'pglite';
  const started = performance.now();
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-db-template-'));
    const handle = await openDatabase({ dataDir, databaseUrl: undefined });
    await handle.close();
    project.provide('hubTemplateDatabase', { engine: 'pglite', dataDir });
    console.log(`db template (pglite) migrated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const adminUrl = project.config.env?.HUB_TEST_PG_URL || process.env.HUB_TEST_PG_URL;
  if (!adminUrl) throw new Error('the db-postgres tier needs HUB_TEST_PG_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  const name = `hub_tmpl_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  try {
    const handle = await openDatabase({ dataDir: os.tmpdir(), databaseUrl: url.toString() });
    await handle.close();
  } catch (err) {
    await drop();
    throw err;
  }
  project.provide('hubTemplateDatabase', { engine: 'postgres', database: name });
  console.log(`db template (postgres ${name}) migrated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return drop;
}
