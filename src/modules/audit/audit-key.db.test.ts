import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { createTestDatabase, testEngine, type TestDatabaseConfig } from '../../../test/helpers/test-db.js';
import { appendAudit, readAuditChain } from '../../platform/audit/audit.js';
import { auditMac, GENESIS_MAC } from '../../platform/audit/audit-chain.js';
import { openDatabase } from '../../platform/db/database.js';
import { auditKeyFingerprint } from '../../platform/audit/audit-key.js';
import { AppError } from '../../platform/errors.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { TEST_PASSWORD } from '../../test-support/http.js';
import { verifyAuditChain } from './audit.service.js';

const keyA = Buffer.from('a'.repeat(40));
const keyB = Buffer.from('b'.repeat(40));
const append = (t: TestDatabase, key: Buffer, recordId: string) =>
  t.handle.db.transaction().execute((trx) => appendAudit(trx, key, { actor: 'user:tester', action: 'view', recordType: 'person', recordId }));
const count = async (t: TestDatabase) => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.handle.db)).rows[0]!.n);
const caught = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
};

describe('the database remembers its audit key', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('records the fingerprint (never the key) on the first append and refuses another key', async () => {
    await append(t, keyA, '1');
    const stored = await sql<{ fingerprint: string }>`select fingerprint from audit_key_fingerprint`.execute(t.handle.db);
    expect(stored.rows).toEqual([{ fingerprint: auditKeyFingerprint(keyA) }]);
    expect(stored.rows[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(auditKeyFingerprint(keyA)).not.toBe(auditKeyFingerprint(keyB));

    const err = await caught(append(t, keyB, '2'));
    expect(err.code).toBe('audit_key');
    expect(err.message).toContain(`was written with the key whose fingerprint is ${auditKeyFingerprint(keyA)}`);
    expect(err.message).toContain(auditKeyFingerprint(keyB));
    expect(await count(t)).toBe(1);
    await append(t, keyA, '3');
    expect(await count(t)).toBe(2);
  });

  it('verifying with another key is a wrong key, not an altered entry', async () => {
    const err = await caught(verifyAuditChain(t.handle.db, keyB));
    expect(err.code).toBe('audit_key');
    expect(err.message).toMatch(/^Wrong audit key/);
    expect(err.message).not.toMatch(/altered/);
    expect(await verifyAuditChain(t.handle.db, keyA)).toMatchObject({ ok: true, entries: 2 });
  });

  it('the fingerprint cannot be changed through the application, and a log from before fingerprints checks its newest entry', async () => {
    await expect(sql`update audit_key_fingerprint set fingerprint = ${auditKeyFingerprint(keyB)}`.execute(t.handle.db)).rejects.toThrow(/fixed once recorded/);
    await expect(sql`delete from audit_key_fingerprint`.execute(t.handle.db)).rejects.toThrow(/fixed once recorded/);
    // A log written before this release has entries but no fingerprint: the newest entry decides.
    await sql`alter table audit_key_fingerprint disable trigger user`.execute(t.handle.db);
    await sql`delete from audit_key_fingerprint`.execute(t.handle.db);
    await sql`alter table audit_key_fingerprint enable trigger user`.execute(t.handle.db);
    const err = await caught(append(t, keyB, '4'));
    expect(err.code).toBe('audit_key');
    expect(err.message).toMatch(/did not write this database's audit log/);
    await append(t, keyA, '4');
    expect((await sql<{ fingerprint: string }>`select fingerprint from audit_key_fingerprint`.execute(t.handle.db)).rows).toEqual([{ fingerprint: auditKeyFingerprint(keyA) }]);
  });
});

describe('hub and the audit key', () => {
  const made: TestDatabaseConfig[] = [];
  const dirs: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cwd-'));
    dirs.push(d);
    return d;
  };
  const fresh = async () => {
    const c = await createTestDatabase();
    made.push(c);
    return c;
  };
  const keyFile = (text = crypto.randomBytes(32).toString('hex')) => {
    const f = path.join(tempDir(), 'audit.key');
    fs.writeFileSync(f, `${text}\n`, { mode: 0o600 });
    return f;
  };
  const createUser = (env: Record<string, string>, name: string, cwd?: string) =>
    runHub(['user', 'create', '--username', name, '--role', 'analyst', '--password-stdin'], env, { input: `${TEST_PASSWORD}\n`, ...(cwd ? { cwd } : {}) });
  afterEach(async () => {
    for (const c of made.splice(0)) await c.destroy();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it.runIf(testEngine() === 'pglite')('embedded: the first start makes the key in the data directory; verify never makes one; a wrong key exits 10', async () => {
    const db = await fresh();
    fs.rmSync(db.auditKeyFile);
    const verifyEmpty = await runHub(['audit', 'verify'], db.env);
    expect(verifyEmpty.code, verifyEmpty.stderr).toBe(10);
    expect(verifyEmpty.stderr).toContain(`No audit key at ${db.auditKeyFile}`);
    expect(fs.existsSync(db.auditKeyFile)).toBe(false);

    // A relative HUB_DATA_DIR is resolved once, against the working directory at start.
    const cwd = path.dirname(db.dataDir);
    const created = await createUser({ ...db.env, HUB_DATA_DIR: path.basename(db.dataDir) }, 'first', cwd);
    expect(created.code, created.stderr).toBe(0);
    expect(fs.statSync(db.auditKeyFile).mode & 0o777).toBe(0o600);
    const key = Buffer.from(fs.readFileSync(db.auditKeyFile, 'utf8').trim(), 'utf8');
    const ok = await runHub(['audit', 'verify', '--json'], db.env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, entries: 1 });

    fs.rmSync(db.auditKeyFile);
    const missing = await runHub(['audit', 'verify'], db.env);
    expect(missing.code).toBe(10);
    expect(missing.stderr).toContain(`No audit key at ${db.auditKeyFile}: this database's audit log was written with the key whose fingerprint is ${auditKeyFingerprint(key)}`);
    expect(fs.existsSync(db.auditKeyFile)).toBe(false);
    const noWrite = await createUser(db.env, 'second');
    expect(noWrite.code).toBe(10);
    expect(fs.existsSync(db.auditKeyFile)).toBe(false); // not recreated: the database has a key recorded

    fs.writeFileSync(db.auditKeyFile, `${'c'.repeat(64)}\n`, { mode: 0o600 });
    const wrong = await runHub(['audit', 'verify'], db.env);
    expect(wrong.code).toBe(10);
    expect(wrong.stderr).toMatch(/^hub: Wrong audit key: the key from .*audit\.key has fingerprint [0-9a-f]{16}, but this database's audit log was written with the key whose fingerprint is [0-9a-f]{16}\./);
    expect(wrong.stderr).not.toMatch(/altered|BROKEN/);
    expect((await createUser(db.env, 'third')).code).toBe(10);
  }, 240_000);

  it.runIf(testEngine() === 'postgres')('PostgreSQL: the key is required and absolute, and the working directory does not matter', async () => {
    const db = await fresh();
    const { HUB_AUDIT_KEY_FILE: _unused, ...noKey } = db.env;
    const cwd1 = tempDir();
    const refused = await createUser(noKey, 'nokey', cwd1);
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('No audit key at nowhere (neither HUB_AUDIT_KEY_FILE nor HUB_AUDIT_KEY is set)');
    expect(refused.stderr).toContain('set HUB_AUDIT_KEY_FILE to the absolute path of the key file');
    expect(fs.existsSync(path.join(cwd1, 'data'))).toBe(false);

    const relative = await createUser({ ...db.env, HUB_AUDIT_KEY_FILE: 'audit.key' }, 'relative', cwd1);
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain('HUB_AUDIT_KEY_FILE: must be an absolute path');

    const absentFile = path.join(cwd1, 'absent.key');
    const absent = await createUser({ ...db.env, HUB_AUDIT_KEY_FILE: absentFile }, 'absent', cwd1);
    expect(absent.code).toBe(10);
    expect(absent.stderr).toContain(`No audit key at ${absentFile}. Create one with: (umask 077; openssl rand -hex 32 > ${absentFile})`);
    expect(fs.existsSync(absentFile)).toBe(false);

    // The same key from two working directories: one chain, intact.
    expect((await createUser(db.env, 'one', tempDir())).code).toBe(0);
    expect((await createUser(db.env, 'two', tempDir())).code).toBe(0);
    const intact = await runHub(['audit', 'verify', '--json'], db.env, { cwd: tempDir() });
    expect(intact.code, intact.stderr).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, entries: 2 });

    const other = keyFile();
    const wrong = await createUser({ ...db.env, HUB_AUDIT_KEY_FILE: other }, 'three');
    expect(wrong.code).toBe(10);
    expect(wrong.stderr).toContain(`Wrong audit key: the key from ${other} has fingerprint`);
    expect(wrong.stderr).toContain(`the key whose fingerprint is ${auditKeyFingerprint(db.auditKey)}`);
    const wrongVerify = await runHub(['audit', 'verify'], { ...db.env, HUB_AUDIT_KEY_FILE: other });
    expect(wrongVerify.code).toBe(10);
    expect(wrongVerify.stderr).not.toMatch(/altered|BROKEN/);
    const env = await runHub(['audit', 'verify'], { ...noKey, HUB_AUDIT_KEY: 'z'.repeat(40) });
    expect(env.code).toBe(10);
    expect(env.stderr).toContain('Wrong audit key: the key from HUB_AUDIT_KEY has fingerprint');
    expect((await runHub(['audit', 'verify'], db.env)).code).toBe(0); // nothing was appended by the refused runs
  }, 240_000);

  it('hub audit head prints ID:HASH; --expect-head with it catches a chain rewritten by someone holding the key', async () => {
    const db = await fresh();
    expect((await createUser(db.env, 'one')).code).toBe(0);
    expect((await createUser(db.env, 'two')).code).toBe(0);
    const head = await runHub(['audit', 'head'], db.env);
    expect(head.code, head.stderr).toBe(0);
    expect(head.stdout).toMatch(/^\d+:[0-9a-f]{64}\n$/);
    const anchor = head.stdout.trim();
    const json = JSON.parse((await runHub(['audit', 'head', '--json'], db.env)).stdout) as { head: number; mac: string; expectHead: string };
    expect(json.expectHead).toBe(anchor);
    expect((await runHub(['audit', 'verify', '--expect-head', anchor], db.env)).code).toBe(0);
    const bad = await runHub(['audit', 'verify', '--expect-head', 'yesterday'], db.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--expect-head: give the entry number and hash');

    // Whoever holds the key and the database rewrites the first entry and recomputes every MAC.
    const handle = await openDatabase({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      const entries = [];
      for await (const e of readAuditChain(handle.db)) entries.push(e);
      await sql`alter table audit_log disable trigger user`.execute(handle.db);
      let prev = GENESIS_MAC;
      for (const e of entries) {
        const content = e === entries[0] ? { ...e, actor: 'cli:someone-else' } : e;
        const mac = auditMac(db.auditKey, prev, content);
        await sql`update audit_log set actor = ${content.actor}, prev_mac = ${prev}, mac = ${mac} where id = ${e.id}`.execute(handle.db);
        prev = mac;
      }
      await sql`alter table audit_log enable trigger user`.execute(handle.db);
    } finally {
      await handle.close();
    }
    expect((await runHub(['audit', 'verify'], db.env)).code).toBe(0); // the rewrite is consistent...
    const caughtIt = await runHub(['audit', 'verify', '--expect-head', anchor], db.env);
    expect(caughtIt.code).toBe(9); // ...but not the head kept elsewhere
    expect(caughtIt.stderr).toMatch(/BROKEN at entry \d+: entry \d+ no longer has the hash recorded for it/);
  }, 240_000);
});
