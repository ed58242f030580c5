import os from 'node:os';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { setLogLevel } from '../platform/logger.js';
import { loadAuditKey } from '../platform/audit/audit-key.js';
import { appendAudit, type AuditEvent } from '../platform/audit/audit.js';
import type { Db, OpenDatabaseOptions } from '../platform/db/database.js';
import { cliIo } from './io.js';

/** The CLI is the operator's tool on the server: it does not sign in; it acts as cli:<os user>. */
export function cliActor(): string {
  let name = cliIo().env.USER ?? 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    /* no passwd entry: fall back to $USER */
  }
  return `cli:${name}`;
}

export interface CliContext {
  config: Config;
  handle: DatabaseHandle;
  actor: string;
  auditKey: Buffer;
  /** Records a change made by this command, inside the transaction that makes it. */
  audit: (trx: Db, event: Omit<AuditEvent, 'actor'>) => Promise<void>;
}

/**
 * Opens the database (applying pending migrations) for one command and always closes it.
 * Bulk loads ask for `{ pgliteMemory: 'large' }` (see PGLITE_MEMORY).
 */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>, options: OpenDatabaseOptions = {}): Promise<T> {
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  const auditKey = loadAuditKey(config.dataDir, config.auditKeyFromEnv);
  const handle = await openDatabase(config, options);
  const actor = cliActor();
  try {
    return await fn({
      config, handle, actor, auditKey,
      audit: async (trx, event) => {
        await appendAudit(trx, auditKey, { ...event, actor });
      },
    });
  } finally {
    await handle.close();
  }
}
