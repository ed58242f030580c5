import { Kysely } from 'kysely';
import { pgliteMemory, type Config, type PgliteMemoryUse } from '../config.js';
import type { Engine, EngineKind } from './engine.js';
import { engineDialect } from './kysely-driver.js';
import { migrateToLatest } from './migrate.js';
import { openPgEngine } from './pg-engine.js';
import { openPgliteEngine } from './pglite-engine.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: EngineKind;
  /** The engine under Kysely (backups use it directly). */
  raw: Engine;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Memory of the embedded database (PGLITE_MEMORY in platform/config.ts); 'small' by default. */
  pgliteMemory?: PgliteMemoryUse;
}

/**
 * Opens PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in HUB_DATA_DIR,
 * and applies pending migrations before anything else runs.
 */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'pgliteSharedBuffers'>>,
  options: OpenDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const engine = await openEngine(config, options);
  try {
    await migrateToLatest(engine);
  } catch (err) {
    await engine.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: engineDialect(engine) });
  let closing: Promise<void> | undefined;
  return {
    db,
    engine: engine.kind,
    raw: engine,
    // Closes the engine even when no query ran (Kysely skips an unused driver's destroy).
    close: () => (closing ??= db.destroy().finally(() => engine.close())),
  };
}

/** The engine alone, no migrations applied (restore builds the schema itself). */
export async function openEngine(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'pgliteSharedBuffers'>>,
  options: OpenDatabaseOptions = {},
): Promise<Engine> {
  return config.databaseUrl
    ? openPgEngine(config.databaseUrl)
    : openPgliteEngine(config.dataDir, { memory: pgliteMemory(options.pgliteMemory ?? 'small', config.pgliteSharedBuffers) });
}
