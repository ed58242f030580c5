// The CLI beside the running server (embedded database): a command that needs the database the
// server holds is handed to the server over its local socket (same OS user only), runs there on the
// server's open database, streams its output back and says it did. Relative paths are the caller's,
// standard input is passed on, exit codes and file:line errors are the command's own.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub, spawnHub, startHubServer, type RunningHub } from '../../test/helpers/cli.js';
import { STREET_HEADER, streetRow, writeLines } from '../../test/helpers/csv.js';
import { makeTempDir } from '../../test/helpers/paths.js';
import { createTestDatabase, testEngine, type TestDatabaseConfig } from '../../test/helpers/test-db.js';

const PASSWORD = 'quartz heron meadow lamp';

describe.runIf(testEngine() === 'pglite')('hub commands while the server holds the embedded database', () => {
  const tmp = makeTempDir('hub-beside-');
  let db: TestDatabaseConfig;
  let server: RunningHub;
  let by: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startHubServer(db.env);
    by = `(run by the running server, pid ${server.child.pid})`;
  });
  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await db?.destroy();
    tmp.remove();
  });

  it('hands a command that writes to the server, with its standard input, and says so', async () => {
    const r = await runHub(['user', 'create', '--username', 'beside1', '--role', 'analyst', '--password-stdin'], db.env, { input: `${PASSWORD}\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Created analyst 'beside1'/);
    expect(r.stderr).toContain(by);
    // The account exists on the server's database: it signs in over HTTP at once.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'beside1', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
  });

  it('imports a file given relative to the caller, and reports file:line errors with the exit code of a failed import', async () => {
    const dir = path.join(tmp.dir, 'in');
    writeLines(dir, '2025-01-kent-street.csv', [STREET_HEADER, streetRow({ crimeId: 'b'.repeat(64) }), streetRow({ crimeId: 'c'.repeat(64), category: 'Robbery' })]);
    const ok = await runHub(['import', '--json', path.join('in', '2025-01-kent-street.csv')], db.env, { cwd: tmp.dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ files: [{ month: '2025-01', rows: 2, errorCount: 0 }] });
    expect(ok.stderr).toContain(by);

    const bad = path.join(tmp.dir, 'bad');
    writeLines(bad, '2025-02-kent-street.csv', [STREET_HEADER, streetRow({ month: '2025-02' }), streetRow({ month: '2025-13', crimeId: 'd'.repeat(64) })]);
    const r = await runHub(['import', path.join('bad', '2025-02-kent-street.csv')], db.env, { cwd: tmp.dir });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/2025-02-kent-street\.csv:3: .*2025-13/);
    expect(r.stderr).toContain(by);

    const stats = await runHub(['stats', '--by', 'category', '--json'], db.env);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stderr).toContain(by);
    expect(stats.stdout).toMatch(/Robbery/);
    expect(stats.stdout).not.toMatch(/2025-02/);
  });

  it('passes on refusals and bad input with their own exit codes; restore still asks for the server to stop', async () => {
    const missing = await runHub(['import', 'no-such-file.csv'], db.env, { cwd: tmp.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.csv: no such file or folder/);
    expect(missing.stderr).not.toContain(by); // checked by the CLI before it needs the database

    const migrate = await runHub(['migrate'], db.env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/Database up to date/);

    const restore = await runHub(['restore', '--force', path.join(tmp.dir, 'x.backup')], db.env);
    expect(restore.code).toBe(7);
    expect(restore.stderr).toMatch(/stop the server first/);
    expect(restore.stderr).not.toContain(by);
  });

  it('works from a real hub process too (the socket is owner-only)', async () => {
    expect(fs.statSync(path.join(db.dataDir, 'hub.sock')).mode & 0o777).toBe(0o600);
    const r = await spawnHub(['user', 'list'], db.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/beside1/);
    expect(r.stderr).toContain(by);
  });
});
