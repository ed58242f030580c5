// hub backup / hub restore round trip on this tier's engine (and, on the PostgreSQL tier, into the
// embedded database too): every table's count, the audit chain of the restored copy, refusal of a
// non-empty target, atomicity, the schema version check and the audit key kept out of the file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers, loadDemoCases, loadDemoData } from '../modules/demo/index.js';
import { runHub, startHubServer } from '../../test/helpers/cli.js';
import { makeTempDir } from '../../test/helpers/paths.js';
import { createTestDatabase, testEngine, type TestDatabaseConfig, type TestEngine } from '../../test/helpers/test-db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { BACKUP_MAGIC, backupDatabase, countTables, type TableCount } from '../platform/db/backup.js';
import { migrateToLatest, readMigrations } from '../platform/db/migrate.js';
import { openDatabase, openEngine } from '../platform/db/database.js';

const PASSWORD = 'quartz heron meadow lamp';

async function countsOf(db: TestDatabaseConfig): Promise<TableCount[]> {
  const engine = await openEngine(db);
  try {
    return await countTables(engine);
  } finally {
    await engine.close();
  }
}

function copyKey(from: TestDatabaseConfig, to: TestDatabaseConfig): void {
  fs.mkdirSync(to.dataDir, { recursive: true });
  fs.copyFileSync(path.join(from.dataDir, 'audit.key'), path.join(to.dataDir, 'audit.key'));
  fs.chmodSync(path.join(to.dataDir, 'audit.key'), 0o600);
}

/** Rewrites a backup's header (the rows stay as they are). */
function editHeader(file: string, out: string, edit: (h: Record<string, unknown>) => void): void {
  const text = zlib.gunzipSync(fs.readFileSync(file));
  const first = text.indexOf(10);
  const second = text.indexOf(10, first + 1);
  const header = JSON.parse(text.subarray(first + 1, second).toString('utf8')) as Record<string, unknown>;
  edit(header);
  fs.writeFileSync(out, zlib.gzipSync(Buffer.concat([text.subarray(0, first + 1), Buffer.from(JSON.stringify(header)), text.subarray(second)])));
}

describe('hub backup and hub restore', () => {
  const tmp = makeTempDir('hub-backup-');
  const backupFile = path.join(tmp.dir, 'hub.backup');
  const made: TestDatabaseConfig[] = [];
  let source: TestDatabaseConfig;
  let before: TableCount[];

  /** A migrated copy of the run's template, or with `empty` a database without any table. */
  async function freshDb(engine: TestEngine = testEngine(), empty = false): Promise<TestDatabaseConfig> {
    const db = await createTestDatabase({ engine, empty });
    made.push(db);
    return db;
  }

  beforeAll(async () => {
    source = await freshDb();
    // Demo data fills nearly every table (incidents and rollups, boundaries, accounts, people,
    // problems, plans, panels) and audits all of it; one more change comes from the CLI.
    const key = source.auditKey;
    const handle = await openDatabase(source);
    try {
      const loaded = await loadDemoData(handle.db, 'cli:test', (trx, event) => appendAudit(trx, key, { ...event, actor: 'cli:test' }).then(() => undefined));
      await createDemoUsers(handle.db, key, loaded.firstDistrict);
      await loadDemoCases(handle.db, key, loaded.firstDistrict);
    } finally {
      await handle.close();
    }
    const r = await runHub(['user', 'create', '--username', 'admin1', '--role', 'admin', '--password-stdin'], source.env, { input: `${PASSWORD}\n` });
    expect(r.code, r.stderr).toBe(0);
    before = await countsOf(source);
  });
  afterAll(async () => {
    for (const db of made) await db.destroy();
    tmp.remove();
  });

  it('backup writes one owner-only file holding every table but not the audit key', async () => {
    const r = await runHub(['backup', backupFile], source.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backup written to .* tables, \d+ rows/);
    expect(r.stdout).toContain('audit key is NOT in the backup');
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);
    const text = zlib.gunzipSync(fs.readFileSync(backupFile));
    expect(text.subarray(0, BACKUP_MAGIC.length).toString()).toBe(BACKUP_MAGIC);
    const key = fs.readFileSync(path.join(source.dataDir, 'audit.key'), 'utf8').trim();
    expect(text.includes(Buffer.from(key))).toBe(false);
    // Most tables hold rows, so the round trip below means something.
    expect(before.filter((t) => t.rows > 0).length, JSON.stringify(before)).toBeGreaterThanOrEqual(15);
    expect(before.find((t) => t.table === 'audit_log')!.rows).toBeGreaterThan(10);
    // An existing file is not replaced without --force.
    const again = await runHub(['backup', backupFile], source.env);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('restore into an empty database gives back every table with the same count and an intact audit chain', async () => {
    const target = await freshDb();
    copyKey(source, target);
    const r = await runHub(['restore', '--json', backupFile], target.env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { replaced: boolean; audit: { verified: boolean; entries: number } };
    expect(out.replaced).toBe(false);
    expect(out.audit).toEqual({ verified: true, entries: before.find((t) => t.table === 'audit_log')!.rows });
    // The restore itself is audited on top of the restored chain.
    const after = await countsOf(target);
    expect(after).toEqual(before.map((t) => (t.table === 'audit_log' ? { ...t, rows: t.rows + 1 } : t)));
    const verify = await runHub(['audit', 'verify', '--json'], target.env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: out.audit.entries + 1 });
    // Sequences came back too: new records get fresh ids and the chain goes on.
    const u = await runHub(['user', 'create', '--username', 'analyst9', '--role', 'analyst', '--password-stdin'], target.env, { input: `${PASSWORD}\n` });
    expect(u.code, u.stderr).toBe(0);
    expect((await runHub(['audit', 'verify'], target.env)).code).toBe(0);

    // A database holding data is refused, and left as it was ...
    const refused = await runHub(['restore', backupFile], target.env);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/already holds data .*--force/);
    const kept = await countsOf(target);
    expect(kept.find((t) => t.table === 'app_user')!.rows).toBe(before.find((t) => t.table === 'app_user')!.rows + 1);
    // ... unless told to replace it.
    const forced = await runHub(['restore', '--force', '--json', backupFile], target.env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ replaced: true, audit: { verified: true } });
    expect((await countsOf(target)).find((t) => t.table === 'app_user')!.rows).toBe(before.find((t) => t.table === 'app_user')!.rows);
  });

  it('without the audit key the restore says to put it back; with another key it fails the check', async () => {
    const noKey = await freshDb();
    fs.rmSync(noKey.auditKeyFile);
    const { HUB_AUDIT_KEY_FILE: _file, ...envWithoutKey } = noKey.env;
    const r = await runHub(['restore', backupFile], envWithoutKey);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No audit key here yet: put back the audit key/);
    expect(fs.existsSync(path.join(noKey.dataDir, 'audit.key'))).toBe(false);

    // Another key: the data is restored, and the key is named as not the one that wrote the log
    // (its own exit code, never a false "entry N was altered").
    const otherKey = await freshDb();
    const wrong = await runHub(['restore', backupFile], { ...otherKey.env, HUB_AUDIT_KEY: 'x'.repeat(40) });
    expect(wrong.code).toBe(10);
    expect(wrong.stderr).toMatch(/the data is restored, but the audit key in place .* is not the key .*fingerprint/);
    expect(wrong.stderr).not.toMatch(/altered/);
    const restored = await countsOf(otherKey);
    expect(restored.find((t) => t.table === 'app_user')!.rows).toBe(before.find((t) => t.table === 'app_user')!.rows);
  });

  it('a damaged backup changes nothing (all or nothing); one from a newer version is refused', async () => {
    const target = await freshDb(testEngine(), true);
    const whole = zlib.gunzipSync(fs.readFileSync(backupFile));
    const cut = path.join(tmp.dir, 'cut.backup');
    fs.writeFileSync(cut, zlib.gzipSync(whole.subarray(0, Math.floor(whole.length * 0.8))));
    const r = await runHub(['restore', cut], target.env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not a Prevention Hub backup, or damaged/);
    const engine = await openEngine(target);
    try {
      const { conn, release } = await engine.acquire();
      const tables = await conn.query("select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'");
      release();
      expect(tables.rows[0]).toEqual({ n: 0 });
    } finally {
      await engine.close();
    }

    const newer = path.join(tmp.dir, 'newer.backup');
    editHeader(backupFile, newer, (h) => (h.migrations = [...(h.migrations as string[]), '9999_from_the_future']));
    const n = await runHub(['restore', newer], target.env);
    expect(n.code).toBe(4);
    expect(n.stderr).toMatch(/newer version of Prevention Hub .*9999_from_the_future/);

    const notBackup = path.join(tmp.dir, 'plain.txt');
    fs.writeFileSync(notBackup, 'hello\n');
    const p = await runHub(['restore', notBackup], target.env);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/not a Prevention Hub backup/);
  });

  it('a backup from an older version is restored, then brought up to this version', async () => {
    const old = await freshDb(testEngine(), true);
    const migrations = readMigrations();
    const older = path.join(tmp.dir, 'older.backup');
    const engine = await openEngine(old);
    try {
      await migrateToLatest(engine, migrations.slice(0, -1));
      await backupDatabase(engine, older);
    } finally {
      await engine.close();
    }
    const target = await freshDb(testEngine(), true);
    const r = await runHub(['restore', '--json', older], target.env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ migrated: [migrations.at(-1)!.name] });
    const again = await runHub(['migrate'], target.env);
    expect(again.code, again.stderr).toBe(0);
  });

  it.runIf(testEngine() === 'postgres')('a PostgreSQL backup restores into the embedded database', async () => {
    const target = await freshDb('pglite');
    copyKey(source, target);
    const r = await runHub(['restore', '--json', backupFile], target.env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ audit: { verified: true } });
    expect((await countsOf(target)).map((t) => (t.table === 'audit_log' ? { ...t, rows: t.rows - 1 } : t))).toEqual(before);
  });

  it.runIf(testEngine() === 'pglite')('while the server holds the embedded database, it takes the backup for the CLI; restore says to stop it', async () => {
    const server = await startHubServer(source.env);
    try {
      const sock = path.join(source.dataDir, 'hub.sock');
      expect(fs.statSync(sock).isSocket()).toBe(true);
      expect(fs.statSync(sock).mode & 0o777).toBe(0o600);
      const live = path.join(tmp.dir, 'live.backup');
      const r = await runHub(['backup', '--json', live], source.env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`(run by the running server, pid ${server.child.pid})`);
      expect(JSON.parse(r.stdout)).toMatchObject({ file: live, tables: expect.arrayContaining([{ table: 'audit_log', rows: expect.any(Number) }]) });
      expect(fs.statSync(live).mode & 0o777).toBe(0o600);
      // The server's answer to an existing file is the same refusal.
      const again = await runHub(['backup', live], source.env);
      expect(again.code).toBe(4);
      expect(again.stderr).toMatch(/already exists/);
      // Restore replaces the database under the server: it must be stopped.
      const restore = await runHub(['restore', '--force', live], source.env);
      expect(restore.code).toBe(7);
      expect(restore.stderr).toContain(`pid ${server.child.pid}`);
      expect(restore.stderr).toMatch(/stop the server first/);
      // The backup restores like any other.
      const target = await freshDb();
      copyKey(source, target);
      const back = await runHub(['restore', '--json', live], target.env);
      expect(back.code, back.stderr).toBe(0);
      expect(JSON.parse(back.stdout)).toMatchObject({ audit: { verified: true } });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(fs.existsSync(path.join(source.dataDir, 'hub.sock'))).toBe(false);
    // With the server gone and its socket left behind (a crash), backup opens the database itself.
    fs.writeFileSync(path.join(source.dataDir, 'hub.sock'), '');
    const after = await runHub(['backup', '--force', path.join(tmp.dir, 'live.backup')], source.env);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toMatch(/running server/);
  });
});
