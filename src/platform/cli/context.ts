import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { setLogLevel } from '../logger.js';
import { appendAudit, openAuditKey, type AuditEvent } from '../audit/audit.js';
import type { Db, OpenDatabaseOptions } from '../db/database.js';
import { AppError } from '../errors.js';
import { cliIo } from './io.js';
import { HandOffToServer } from './local-socket.js';
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
  const hosted = hostedDatabase.getStore();
  if (hosted) return fn(cliContext(hosted.config, hosted.handle, hosted.auditKey));
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  const { createKey, ...openOptions } = opts;
  const handle = await openForCommand(config, openOptions);
  try {
    const auditKey = await openAuditKey(handle.db, config, { create: createKey ?? true });
    return await fn(cliContext(config, handle, auditKey));
  } finally {
    await handle.close();
  }
}

function cliContext(config: Config, handle: DatabaseHandle, auditKey: Buffer): CliContext {
  const actor = cliActor();
  return {
    config, handle, actor, auditKey,
    ctx: makeContext({ db: handle.db, auditKey, actor: { kind: 'cli', name: actor }, scope: CLI_SCOPE }),
    audit: async (trx, event) => {
      await appendAudit(trx, auditKey, { ...event, actor });
    },
  };
}

/**
 * The database a command runs on when the running server runs it for a CLI on the same machine
 * (local socket): the server's own handle and audit key, never opened or closed by the command.
 */
export interface HostedDatabase {
  config: Config;
  handle: DatabaseHandle;
  auditKey: Buffer;
}

const hostedDatabase = new AsyncLocalStorage<HostedDatabase>();

/** Runs fn (a whole `hub` command) on the server's open database. */
export function runOnHostedDatabase<T>(hosted: HostedDatabase, fn: () => Promise<T>): Promise<T> {
  return hostedDatabase.run(hosted, fn);
}

/** The server's database when this command runs inside the server; null in a CLI process. */
export function hostedDatabaseNow(): HostedDatabase | null {
  return hostedDatabase.getStore() ?? null;
}

/** Opens the database for a command; a lock held by another process becomes HandOffToServer. */
export async function openForCommand(config: Config, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  try {
    return await openDatabase(config, options);
  } catch (err) {
    throw handOffIfLocked(err);
  }
}

/** HandOffToServer for a lock held by another process (not by this one: that is a programming error). */
export function handOffIfLocked(err: unknown): unknown {
  return err instanceof AppError && err.code === 'database_locked' && /another process/.test(err.message) ? new HandOffToServer(err) : err;
}
