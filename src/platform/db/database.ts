import { Kysely } from 'kysely';
import { PGLITE_COMPILER, pgliteMemory, type Config, type PgliteMemoryUse } from '../config.js';
import type { Engine, EngineKind } from './engine.js';
import { engineDialect } from './kysely-driver.js';
import { migrateToLatest } from './migrate.js';
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
  /** Memory and compiler of the embedded database (PGLITE_MEMORY, PGLITE_COMPILER in platform/config.ts); 'small' by default. */
  pgliteMemory?: PgliteMemoryUse;
}

/**
 * Opens PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in HUB_DATA_DIR,
 * and applies pending migrations before anything else runs.
 */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'pgliteSharedBuffers' | 'pgliteCompiler'>>,
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

/**
 * The engine alone, no migrations applied (restore builds the schema itself). Each engine's code
 * is loaded only when it is used (a CLI command on the embedded database never loads pg).
 */
export async function openEngine(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'pgliteSharedBuffers' | 'pgliteCompiler'>>,
  options: OpenDatabaseOptions = {},
): Promise<Engine> {
  if (config.databaseUrl) return (await import('./pg-engine.js')).openPgEngine(config.databaseUrl);
  const use = options.pgliteMemory ?? 'small';
  return (await import('./pglite-engine.js')).openPgliteEngine(config.dataDir, {
    memory: pgliteMemory(use, config.pgliteSharedBuffers),
    compiler: config.pgliteCompiler ?? PGLITE_COMPILER[use],
  });
}
