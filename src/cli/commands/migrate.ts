import { withDatabase } from '../context.js';
import { cliIo } from '../io.js';

export async function runMigrate(): Promise<number> {
  return withDatabase(async ({ handle }) => {
    cliIo().stdout.write(`Database up to date (${handle.engine}).\n`);
    return 0;
  });
}
