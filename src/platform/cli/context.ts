import os from 'node:os';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { setLogLevel } from '../logger.js';
import { appendAudit, openAuditKey, type AuditEvent } from '../audit/audit.js';
import type { Db, OpenDatabaseOptions } from '../db/database.js';
import { cliIo } from './io.js';
import { CLI_SCOPE, makeContext, type ServiceContext } from '../module/context.js';

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
  /** The service context of this command: the operator (cli:<os user>), every district. */
  ctx: ServiceContext;
  /** Records a change made by this command, inside the transaction that makes it. */
  audit: (trx: Db, event: Omit<AuditEvent, 'actor'>) => Promise<void>;
}

/**
 * Opens the database (applying pending migrations) for one command and always closes it. The
 * audit key must be the one the database recorded (exit 10 otherwise); `createKey: false` (audit
 * verify, audit head) never makes a key file, even on a new embedded database. Bulk loads ask for
 * `{ pgliteMemory: 'large' }` (see PGLITE_MEMORY).
 */
export async function withDatabase<T>(
  fn: (ctx: CliContext) => Promise<T>,
  opts: OpenDatabaseOptions & { createKey?: boolean } = {},
): Promise<T> {
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  const { createKey, ...openOptions } = opts;
  const handle = await openDatabase(config, openOptions);
  const actor = cliActor();
  try {
    const auditKey = await openAuditKey(handle.db, config, { create: createKey ?? true });
    return await fn({
      config, handle, actor, auditKey,
      ctx: makeContext({ db: handle.db, auditKey, actor: { kind: 'cli', name: actor }, scope: CLI_SCOPE }),
      audit: async (trx, event) => {
        await appendAudit(trx, auditKey, { ...event, actor });
      },
    });
  } finally {
    await handle.close();
  }
}
