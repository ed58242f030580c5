import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from './engine.js';

/** db/migrations at the repository root, from src/ (tests) or dist/ (built). */
export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');

export interface Migration {
  name: string;
  up: string;
  down: string;
}

/** Reads `NNNN_name.sql` files with `-- migrate:up` and `-- migrate:down` sections. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const m = /--\s*migrate:up\s*\n([\s\S]*?)--\s*migrate:down\s*\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${file}: needs '-- migrate:up' then '-- migrate:down' sections`);
      return { name: file.replace(/\.sql$/, ''), up: m[1] ?? '', down: m[2] ?? '' };
    });
}

const LOCK_KEY = 7_245_001; // advisory lock id: one migrator at a time on a shared server

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function migrateToLatest(engine: Engine, migrations = readMigrations()): Promise<string[]> {
  const { conn, release } = await engine.acquire();
  try {
    await conn.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      // Checked first: an application role without CREATE rights can still start when up to date.
      const exists = await conn.query<{ t: string | null }>("select to_regclass('schema_migration')::text as t");
      if (!exists.rows[0]?.t) {
        await conn.exec('create table schema_migration (name text primary key, applied_at timestamptz not null default now())');
      }
      const done = new Set((await conn.query<{ name: string }>('select name from schema_migration')).rows.map((r) => r.name));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        await conn.exec('begin');
        try {
          await conn.exec(m.up);
          await conn.query('insert into schema_migration (name) values ($1)', [m.name]);
          await conn.exec('commit');
        } catch (err) {
          await conn.exec('rollback');
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
        }
        applied.push(m.name);
      }
      return applied;
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    release();
  }
}
