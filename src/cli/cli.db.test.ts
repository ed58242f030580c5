// CLI smoke tests (HUB_DATA_DIR for PGlite, DATABASE_URL for the PostgreSQL tier). Most run the
// CLI in-process (runHub); a few spawn `node bin/hub.js` as a user runs it (spawnHub, the server):
// the bin script, exit codes through process.exit, two processes on one database. Needs dist/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub, signInOverHttp, spawnHub, startHubServer, type RunningHub } from '../../test/helpers/cli.js';
import { COL, copyWithEdit, withField } from '../../test/helpers/csv.js';
import { cityOfLondonStreetFiles, makeTempDir, sharedFile } from '../../test/helpers/paths.js';
import { CITY_OF_LONDON_ROWS } from '../../test/helpers/published.js';
import { recountStreet, sorted, tallyOf } from '../../test/helpers/recount.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../test/helpers/test-db.js';

const good = cityOfLondonStreetFiles(['2021-09', '2021-10']);
const PASSWORD = 'quartz heron meadow lamp';

describe('hub CLI', () => {
  let db: TestDatabaseConfig;
  const tmp = makeTempDir('hub-cli-');
  let server: RunningHub | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await db?.destroy();
    tmp.remove();
  });

  it('hub --help lists the commands (node bin/hub.js)', async () => {
    const r = await spawnHub(['--help'], db.env);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'import', 'import-boundaries', 'stats', 'migrate']) expect(r.stdout).toContain(c);
  });

  it('import --json prints a summary per file; a bad file gives file:line: reason on stderr and a non-zero exit (node bin/hub.js)', async () => {
    const bad = copyWithEdit(sharedFile('multi-year', '2021-11-city-of-london-street.csv'), path.join(tmp.dir, 'bad'), '2021-11-city-of-london-street.csv', (lines) =>
      lines.map((l, i) => (i === 41 ? withField(l, COL.month, '2021-13') : l)),
    );
    const r = await spawnHub(['import', '--json', good[0]!, bad, good[1]!], db.env);
    expect(r.code, r.stderr).not.toBe(0);
    const out = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['files']);
    expect(out.files).toHaveLength(3);
    for (const f of out.files) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'kind', 'force', 'month', 'rows', 'inserted', 'replaced', 'errors']));
    }
    expect(out.files[0]).toMatchObject({
      file: good[0], kind: 'street', force: 'city-of-london', month: '2021-09', rows: CITY_OF_LONDON_ROWS['2021-09'],
      inserted: CITY_OF_LONDON_ROWS['2021-09'], replaced: 0, errors: [],
    });
    expect(out.files[1]).toMatchObject({ file: bad, inserted: 0, errors: [{ line: 42, message: expect.stringMatching(/2021-13/) }] });
    expect(out.files[2]).toMatchObject({ month: '2021-10', rows: CITY_OF_LONDON_ROWS['2021-10'], errors: [] });
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:42: .*2021-13`, 'm'));
  });

  it('import without --json prints one line per file and exits 0 when all are good', async () => {
    const r = await runHub(['import', good[0]!], db.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 new, 765 replaced/);
    expect(r.stdout).toMatch(/Imported 1 of 1 files/);
  });

  it('import of a missing path fails with a clear message', async () => {
    const r = await runHub(['import', path.join(tmp.dir, 'nope.csv')], db.env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no such file/);
  });

  it('stats --by district --json prints [{key, count}] matching a recount', async () => {
    const r = await runHub(['stats', '--by', 'district', '--json'], db.env);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { key: string | null; count: number }[];
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['count', 'key']);
    expect(sorted(tallyOf(rows))).toEqual(sorted(recountStreet(good, 'city-of-london').byDistrict));
  });

  it('stats takes filters, and prints a table with a total without --json', async () => {
    const r = await runHub(['stats', '--by', 'month', '--category', 'Drugs', '--category', 'Robbery'], db.env);
    expect(r.code, r.stderr).toBe(0);
    const expected = recountStreet(good, 'city-of-london', (x) => x.category === 'Drugs' || x.category === 'Robbery').rows;
    expect(r.stdout).toMatch(new RegExp(`^Total\\s+${expected}$`, 'm'));
    expect(r.stdout).toMatch(/data cut-off 2021-10/);
  });

  it('stats rejects a bad --by and a bad month with exit code 2 (the first from node bin/hub.js)', async () => {
    const byBad = await spawnHub(['stats', '--by', 'nonsense'], db.env);
    expect(byBad.code).toBe(2);
    expect(byBad.stderr).toMatch(/by/);
    const monthBad = await runHub(['stats', '--by', 'month', '--from', '2025-13'], db.env);
    expect(monthBad.code).toBe(2);
    expect(monthBad.stderr).toMatch(/from/);
  });

  it('user create reads the password from standard input', async () => {
    const r = await runHub(['user', 'create', '--username', 'analyst1', '--role', 'analyst', '--password-stdin'], db.env, { input: `${PASSWORD}\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/analyst1/);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('serve answers HTTP; a second process on the same embedded database is refused; SIGTERM stops it with exit 0', async () => {
    server = await startHubServer(db.env);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', engine: db.engine });
    expect((await fetch(`${server.url}/api/incidents/counts?by=month`)).status).toBe(401);
    const cookie = await signInOverHttp(server.url, 'analyst1', PASSWORD);
    const res = await fetch(`${server.url}/api/incidents/counts?by=month`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const counts = (await res.json()) as { total: number };
    expect(counts.total).toBe(CITY_OF_LONDON_ROWS['2021-09']! + CITY_OF_LONDON_ROWS['2021-10']!);

    const second = await runHub(['stats', '--by', 'force'], db.env);
    if (db.engine === 'pglite') {
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(/in use by another process/);
      expect(second.stderr).toContain(String(server.child.pid));
    } else {
      // A PostgreSQL server allows many processes.
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/city-of-london/);
    }

    const started = Date.now();
    server.child.kill('SIGTERM');
    const exit = await Promise.race([server.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(exit, JSON.stringify(server.output())).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    server = undefined;
  });

  it('after the server stopped, the database is free again', async () => {
    const r = await runHub(['stats', '--by', 'force', '--json'], db.env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ key: 'city-of-london', count: CITY_OF_LONDON_ROWS['2021-09']! + CITY_OF_LONDON_ROWS['2021-10']! }]);
  });
});
