import { withDatabase } from '../context.js';

export async function runMigrate(): Promise<number> {
  return withDatabase(async ({ handle }) => {
    process.stdout.write(`Database up to date (${handle.engine}).\n`);
    return 0;
  });
}
