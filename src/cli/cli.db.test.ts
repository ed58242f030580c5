// CLI smoke tests (HUB_DATA_DIR for PGlite, DATABASE_URL for the PostgreSQL tier). Most run the
// CLI in-process (runHub); a few spawn `node bin/hub.js` as a user runs it (spawnHub, the server):
// the bin script, exit codes through process.exit, two processes on one database. Needs dist/.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub, signInOverHttp, spawnHub, startHubServer, type RunningHub } from '../../test/helpers/cli.js';
import { COL, copyWithEdit, withField } from '../../test/helpers/csv.js';
import { cityOfLondonStreetFiles, makeTempDir, sharedFile } from '../../test/helpers/paths.js';
import { CITY_OF_LONDON_ROWS } from '../../test/helpers/published.js';
import { recountStreet, sorted, tallyOf } from '../../test/helpers/recount.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../test/helpers/test-db.js';

const good = cityOfLondonStreetFiles(['2021-09', '2021-10']);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    expect(r.stdout).toMatch(/: street city-of-london 2021-09: 765 rows \(replaced the 765 rows held, 0 new\)$/m);
    expect(r.stdout).toMatch(/Imported 1 of 1 files/);
  });

  it('a re-import that would shrink a month is refused (exit 6, old and new row counts); --allow-shrink or HUB_IMPORT_MAX_SHRINK lets it through', async () => {
    const cut = copyWithEdit(good[0]!, path.join(tmp.dir, 'cut'), '2021-09-city-of-london-street.csv', (lines) => lines.slice(0, 701));
    const refused = await runHub(['import', '--json', cut], db.env);
    expect(refused.code, refused.stderr).toBe(6);
    const out = JSON.parse(refused.stdout) as { files: Record<string, unknown>[] };
    expect(out.files[0]).toMatchObject({ file: cut, rows: 700, oldRows: 765, newRows: 700, inserted: 0, replaced: 0, errors: [{ line: 701 }] });
    expect(refused.stderr).toMatch(new RegExp(`^${escapeRe(cut)}:701: the file has 700 rows where 2021-09 held 765 \\(8\\.5% fewer; at most 2% may go\\).*--allow-shrink`, 'm'));

    const looser = await runHub(['import', '--json', cut], { ...db.env, HUB_IMPORT_MAX_SHRINK: '0.1' });
    expect(looser.code, looser.stderr).toBe(0);
    expect((JSON.parse(looser.stdout) as { files: Record<string, unknown>[] }).files[0]).toMatchObject({ rows: 700, oldRows: 765, newRows: 700 });
    const restored = await runHub(['import', good[0]!], db.env);
    expect(restored.code, restored.stderr).toBe(0);

    const allowed = await runHub(['import', '--allow-shrink', cut], db.env);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/700 rows \(replaced the 765 rows held, 0 new\)/);
    const back = await runHub(['import', '--json', good[0]!], db.env);
    expect((JSON.parse(back.stdout) as { files: Record<string, unknown>[] }).files[0]).toMatchObject({ oldRows: 700, newRows: 765, inserted: 65 });

    const badSetting = await runHub(['import', cut], { ...db.env, HUB_IMPORT_MAX_SHRINK: 'lots' });
    expect(badSetting.code).toBe(2);
    expect(badSetting.stderr).toMatch(/HUB_IMPORT_MAX_SHRINK/);
  });

  it('a zip with no CSVs, or a folder without any, exits 6 and says so; the other inputs still import', async () => {
    const zipPath = path.join(tmp.dir, 'junk.zip');
    fs.writeFileSync(zipPath, zipSync({ 'README.txt': new TextEncoder().encode('hello'), 'logo\u0007.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }));
    const empty = path.join(tmp.dir, 'empty-folder');
    fs.mkdirSync(empty, { recursive: true });
    fs.writeFileSync(path.join(empty, 'notes.txt'), 'nothing here');
    const r = await runHub(['import', '--json', zipPath, empty, good[1]!], db.env);
    expect(r.code, r.stderr).toBe(6);
    const out = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(out.files.map((f) => [f.file, f.errorCount])).toEqual([[zipPath, 1], [empty, 1], [good[1], 0]]);
    expect(r.stderr).toContain(`${zipPath}: the archive holds no CSV files, only README.txt, logo\\x07.png: nothing to import`);
    expect(r.stderr).toContain(`${empty}: no CSV or .zip files in this folder: nothing to import`);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('a binary file named .csv is refused with a short, escaped message', async () => {
    const junk = path.join(tmp.dir, 'junk', '2021-09-city-of-london-street.csv');
    fs.mkdirSync(path.dirname(junk), { recursive: true });
    fs.writeFileSync(junk, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe]), Buffer.alloc(5000, 0x41), Buffer.from('\n')]));
    const r = await runHub(['import', junk], db.env);
    expect(r.code).toBe(6);
    const line = r.stderr.split('\n').find((l) => l.startsWith(junk))!;
    expect(line).toMatch(/:1: unknown header '\\x1f\\ufffd\\x08\\x00\\x1b\[2J\\ufffd\\ufffdAAAA.*…': not a data\.police\.uk/);
    expect(line.length).toBeLessThan(junk.length + 200);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\ufffd]/);
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

  it('serve answers HTTP; a command beside it is run by it (embedded) or alongside it (PostgreSQL); a second server on the embedded database is refused; SIGTERM stops it with exit 0', async () => {
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

    // Beside the running server a command still works: on the embedded database the server runs
    // it (local socket) and says so; a PostgreSQL server allows many processes.
    const second = await runHub(['stats', '--by', 'force'], db.env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/city-of-london/);
    if (db.engine === 'pglite') {
      expect(second.stderr).toContain(`(run by the running server, pid ${server.child.pid})`);
      // A second server on the same embedded database is refused, naming the process that holds it.
      const another = await runHub(['serve'], { ...db.env, PORT: '4349' });
      expect(another.code).not.toBe(0);
      expect(another.stderr).toMatch(/in use by another process/);
      expect(another.stderr).toContain(String(server.child.pid));
    } else {
      expect(second.stderr).not.toMatch(/run by the running server/);
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
