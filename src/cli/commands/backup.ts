import fs from 'node:fs';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { z } from 'zod';
import { verifyAuditChain } from '../../modules/audit/index.js';
import { auditKeyFingerprint, auditKeyPlace, describePlace, missingKeyError, readAuditKey } from '../../platform/audit/audit-key.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { loadConfig, type Config } from '../../platform/config.js';
import { backupDatabase, restoreDatabase } from '../../platform/db/backup.js';
import { openEngine } from '../../platform/db/database.js';
import type { Engine } from '../../platform/db/engine.js';
import { engineDialect } from '../../platform/db/kysely-driver.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { setLogLevel } from '../../platform/logger.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { cliActor } from '../../platform/cli/context.js';
import { helpOf } from '../help.js';
import { cliIo } from '../../platform/cli/io.js';
import { askRunningServer } from '../local-socket.js';

const schema = z.object({ force: z.boolean().default(false), json: z.boolean().default(false) });
const options = { force: { type: 'boolean' }, json: { type: 'boolean' } } as const;

function oneFile(positionals: string[], command: 'backup' | 'restore'): string {
  if (positionals.length !== 1) throw new AppError('validation', `${helpOf(command)}\n(give exactly one FILE)`);
  return path.resolve(positionals[0]!);
}

/** Opens the engine; on the embedded database a running server holds the lock. */
async function open(config: Config, what: string): Promise<Engine> {
  try {
    return await openEngine(config);
  } catch (err) {
    throw lockedAdvice(err, what);
  }
}

function lockedAdvice(err: unknown, what: string): unknown {
  if (!(err instanceof AppError && err.code === 'database_locked')) return err;
  return new AppError(
    'database_locked',
    `${err.message} ${what} goes through the process that owns the embedded database, so stop the server first ` +
      '(copying the data directory of a running database is not supported: the copy may be unusable).',
  );
}

/** The audit key in use here, without creating one (a new key would not match a restored log). */
function existingAuditKey(config: Config): Buffer | null {
  return readAuditKey(auditKeyPlace(config), config.auditKeyFromEnv, false);
}

function withKysely<T>(engine: Engine, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return fn(new Kysely<Database>({ dialect: engineDialect(engine) }));
}

/**
 * The backup itself, on an open engine: run by `hub backup`, or by the running server when the
 * CLI hands it over (local socket). Returns what to print and the exit code.
 */
export async function backupWork(engine: Engine, auditKey: Buffer, file: string, opts: { force: boolean; json: boolean }): Promise<{ code: number; stdout: string; stderr: string }> {
  if (fs.existsSync(file) && !opts.force) {
    throw new AppError('conflict', `${file} already exists: choose another name, or add --force to replace it.`);
  }
  const header = await backupDatabase(engine, file);
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  const bytes = fs.statSync(file).size;
  await withKysely(engine, (db) =>
    db.transaction().execute((trx) =>
      appendAudit(trx, auditKey, {
        actor: cliActor(),
        action: 'database.backup',
        details: { tables: header.tables.length, rows, bytes, schemaVersion: header.migrations.at(-1) ?? null },
      }),
    ),
  );
  const stdout = opts.json
    ? `${JSON.stringify({ file, bytes, engine: header.engine, schemaVersion: header.migrations.at(-1) ?? null, tables: header.tables.map((t) => ({ table: t.name, rows: t.rows })) })}\n`
    : `Backup written to ${file} (${(bytes / 1e6).toFixed(1)} MB): ${header.tables.length} tables, ${rows} rows.\n` +
      'The audit key is NOT in the backup: keep a copy of it separately (see docs/operations.md).\n';
  return { code: 0, stdout, stderr: '' };
}

export async function runBackup(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options, schema);
  const file = oneFile(positionals, 'backup');
  if (fs.existsSync(file) && !values.force) {
    throw new AppError('conflict', `${file} already exists: choose another name, or add --force to replace it.`);
  }
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  let engine: Engine;
  try {
    engine = await openEngine(config);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'database_locked')) throw err;
    // The running server holds the embedded database: it takes the backup (same OS user only).
    const reply = await askRunningServer(config.dataDir, { command: 'backup', file, force: values.force, json: values.json });
    if (!reply) throw lockedAdvice(err, 'A backup');
    cliIo().stdout.write(reply.stdout);
    cliIo().stderr.write(reply.stderr);
    cliIo().stderr.write(`(run by the running server, pid ${reply.pid})\n`);
    return reply.code;
  }
  try {
    const auditKey = existingAuditKey(config);
    if (!auditKey) throw missingKeyError(auditKeyPlace(config), null, false);
    await migrateToLatest(engine);
    const out = await backupWork(engine, auditKey, file, values);
    cliIo().stdout.write(out.stdout);
    return out.code;
  } finally {
    await engine.close();
  }
}

export async function runRestore(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options, schema);
  const file = oneFile(positionals, 'restore');
  const config = loadConfig(cliIo().env);
  setLogLevel(config.logLevel);
  const engine = await open(config, 'A restore');
  try {
    const result = await restoreDatabase(engine, file, { force: values.force });
    const rows = result.tables.reduce((n, t) => n + t.rows, 0);
    const key = existingAuditKey(config);
    let audit: { verified: boolean; entries: number; reason?: string } | null = null;
    if (key) {
      audit = await withKysely(engine, async (db) => {
        let verdict: Awaited<ReturnType<typeof verifyAuditChain>>;
        try {
          verdict = await verifyAuditChain(db, key);
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'audit_key')) throw err;
          const recorded = (await sql<{ fingerprint: string }>`select fingerprint from audit_key_fingerprint where id = 1`.execute(db)).rows[0];
          throw new AppError(
            'audit_key',
            `the data is restored, but the audit key in place (${describePlace(auditKeyPlace(config))}, fingerprint ${auditKeyFingerprint(key)}) ` +
              `is not the key its audit log was written with (fingerprint ${recorded?.fingerprint ?? 'unknown'}). ` +
              'Put back the audit key that was in use when the backup was taken, then run: hub audit verify',
          );
        }
        if (!verdict.ok) return { verified: false, entries: verdict.entries, reason: verdict.reason };
        await db.transaction().execute((trx) =>
          appendAudit(trx, key, {
            actor: cliActor(),
            action: 'database.restore',
            details: { backupCreatedAt: result.header.createdAt, replaced: result.replaced, tables: result.tables.length, rows },
          }),
        );
        return { verified: true, entries: verdict.entries };
      });
    }
    if (values.json) {
      cliIo().stdout.write(
        `${JSON.stringify({ file, backupCreatedAt: result.header.createdAt, replaced: result.replaced, migrated: result.migrated, tables: result.tables, audit })}\n`,
      );
    } else {
      cliIo().stdout.write(
        `Restored ${file} (taken ${result.header.createdAt}): ${result.tables.length} tables, ${rows} rows` +
          `${result.replaced ? ', replacing the data that was here' : ''}.\n` +
          (result.migrated.length > 0 ? `Then applied this version's database changes: ${result.migrated.join(', ')}.\n` : ''),
      );
      if (!audit) {
        cliIo().stdout.write(
          'No audit key here yet: put back the audit key kept with this backup (audit.key in the data folder, owner-only, ' +
            'or HUB_AUDIT_KEY) before anything else runs, then check the audit log with: hub audit verify\n',
        );
      } else if (audit.verified) {
        cliIo().stdout.write(`Audit log verified with the audit key in place: ${audit.entries} entries intact.\n`);
      }
    }
    if (audit && !audit.verified) {
      cliIo().stderr.write(
        `hub: the data is restored, but its audit log does not verify with the audit key in place (${audit.reason}). ` +
          'Put back the audit key that was in use when the backup was taken, then run: hub audit verify\n',
      );
      return 9;
    }
    return 0;
  } finally {
    await engine.close();
  }
}
