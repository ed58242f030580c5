import { loadConfig } from '../../platform/config.js';
import { setLogLevel } from '../../platform/logger.js';
import { hostedDatabaseNow, openForCommand } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';

/** Applies pending migrations. Needs no audit key: the owner role may run it without one. */
export async function runMigrate(): Promise<number> {
  const hosted = hostedDatabaseNow();
  if (hosted) {
    // The running server applied every migration when it opened the database.
    cliIo().stdout.write(`Database up to date (${hosted.handle.engine}).\n`);
    return 0;
  }
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  const handle = await openForCommand(config);
  try {
    cliIo().stdout.write(`Database up to date (${handle.engine}).\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
