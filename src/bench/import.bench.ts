/**
 * npm run bench:import — import speed on PGlite and PostgreSQL against a raw COPY of the same
 * data in the same run, and the grouped-count query at 5M rows on PostgreSQL. The Kent files are
 * timed twice: the first import into a new database, and the median of five later rounds (see
 * benchKent); the generated million-row file once.
 * PostgreSQL comes from HUB_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a throwaway database is created and dropped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expandInputs } from '../ingest/files.js';
import { noDistrictLookup } from '../ingest/police-uk/fields.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { copyInto } from '../platform/db/kysely-driver.js';
import { sql } from 'kysely';
import { importPoliceFiles, concurrentFilesFor, countIncidents, incidentFilterSchema } from '../modules/police-data/index.js';
import { kentStreetFiles, writeGeneratedStreetFile } from './bench-data.js';

const adminUrl = process.env.HUB_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rowsOf = (files: string[]) => files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').filter((l) => l !== '').length - 1, 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

async function timedImport(h: DatabaseHandle, files: string[]): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  // The same options as `hub import` (files loaded at once as the engine allows).
  const res = await importPoliceFiles(h.db, expandInputs(files), { by: 'bench', districts: noDistrictLookup, concurrentFiles: concurrentFilesFor(h.engine) });
  const seconds = (performance.now() - started) / 1000;
  const bad = res.find((r) => r.errorCount > 0);
  if (bad) throw new Error(`bench import failed: ${bad.file}: ${bad.errors[0]?.message}`);
  return { rows: res.reduce((n, r) => n + r.rows, 0), seconds };
}

/** The reference: COPY the same CSV lines, as published, into a bare 12-column text table. */
async function timedRawCopy(h: DatabaseHandle, files: string[]): Promise<{ rows: number; seconds: number }> {
  await sql`drop table if exists bench_raw`.execute(h.db);
  await sql`create table bench_raw (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text, c11 text, c12 text)`.execute(h.db);
  const columns = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12'];
  let rows = 0;
  const started = performance.now();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    const chunks = function* () {
      for (let at = 0; at < body.length; ) {
        let end = body.indexOf('\n', at + 4_000_000);
        end = end === -1 ? body.length : end + 1;
        yield body.slice(at, end);
        at = end;
      }
    };
    await h.db.transaction().execute(async (trx) => {
      rows += await copyInto(trx, { table: 'bench_raw', columns, chunks: chunks(), format: 'csv' });
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await sql`drop table bench_raw`.execute(h.db);
  return { rows, seconds };
}

function report(engine: string, what: string, ours: { rows: number; seconds: number }, raw: { rows: number; seconds: number }, target: string) {
  const a = ours.rows / ours.seconds;
  const b = raw.rows / raw.seconds;
  console.log(
    `${engine.padEnd(10)} ${what.padEnd(28)} ${fmt(ours.rows).padStart(10)} rows  hub import ${fmt(a).padStart(9)} rows/s (${ours.seconds.toFixed(2)} s)` +
      `  raw COPY ${fmt(b).padStart(9)} rows/s (${raw.seconds.toFixed(2)} s)  ratio ${((100 * a) / b).toFixed(0)}%  ${target}`,
  );
}

type Timing = { rows: number; seconds: number };
const median = (xs: Timing[]): Timing => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)]!;

/**
 * The nine Kent files: the first import into this database, then the median of five rounds,
 * each into emptied tables (JIT-compiled parser, open connections, warm caches: an import's
 * steady state), against raw COPY rounds run alternately in the same conditions.
 */
async function benchKent(h: DatabaseHandle, engine: string, kent: string[], target: string): Promise<void> {
  const first = await timedImport(h, kent);
  const firstRaw = await timedRawCopy(h, kent);
  const ours: Timing[] = [];
  const raw: Timing[] = [];
  for (let round = 0; round < 5; round++) {
    await sql`truncate incident_row, incident_count, incident_lsoa_count`.execute(h.db);
    await sql`delete from import_snapshot`.execute(h.db);
    ours.push(await timedImport(h, kent));
    raw.push(await timedRawCopy(h, kent));
  }
  report(engine, '9 Kent files, first', first, firstRaw, '(first import in this database)');
  report(engine, '9 Kent files, median', median(ours), median(raw), target);
}

async function benchEngine(engine: 'pglite' | 'postgres', kent: string[], million: string): Promise<DatabaseHandle | null> {
  let url: string | undefined;
  let dataDir = '';
  if (engine === 'postgres') {
    const name = `hub_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  }
  const h = await openDatabase({ dataDir, databaseUrl: url }, { pgliteMemory: 'large' });
  const pgTarget = engine === 'postgres' ? 'target: >= 50% of raw COPY' : 'target: >= 100,000 rows/s';
  await benchKent(h, engine, kent, pgTarget);
  report(engine, 'generated 1M-row file', await timedImport(h, [million]), await timedRawCopy(h, [million]), pgTarget);
  if (engine === 'pglite') {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    return null;
  }
  return h;
}

async function benchCounts(h: DatabaseHandle, dir: string): Promise<void> {
  // 5M rows: the 1M file imported as five months (plus the Kent rows already there).
  for (const month of ['2024-02', '2024-03', '2024-04', '2024-05']) {
    const f = await writeGeneratedStreetFile(dir, month, 1_000_000);
    await timedImport(h, [f]);
    fs.rmSync(f);
  }
  const total = (await sql<{ n: number }>`select count(*)::int8 as n from incident`.execute(h.db)).rows[0]!.n;
  await sql`analyze`.execute(h.db);
  const cases: [string, Parameters<typeof countIncidents>[1], Record<string, unknown>][] = [
    ['by category, all', 'category', {}],
    ['by month, ASB only', 'month', { category: 'Anti-social behaviour' }],
    ['by district, 3 months', 'district', { from: '2024-02', to: '2024-04' }],
    ['by outcome, one force', 'outcome', { force: 'benchshire' }],
  ];
  console.log(`\nGrouped counts on PostgreSQL over ${fmt(total)} incident rows (median of 7; target < 100 ms):`);
  for (const [label, by, raw] of cases) {
    const filter = incidentFilterSchema.parse(raw);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await countIncidents(h.db, by, filter);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const t0 = performance.now();
    await sql`select category, count(*) from incident group by category`.execute(h.db);
    const scan = performance.now() - t0;
    console.log(`  ${label.padEnd(24)} ${times[3]!.toFixed(1).padStart(7)} ms   (full scan of the incident rows for comparison: ${scan.toFixed(0)} ms)`);
  }
}

async function main() {
  const kent = kentStreetFiles();
  if (kent.length !== 9) throw new Error(`expected the nine Kent 2025 files, found ${kent.length}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-files-'));
  console.log(`Kent files: ${kent.length} (${fmt(rowsOf(kent))} rows); generating a 1,000,000-row file in ${dir} ...`);
  const million = await writeGeneratedStreetFile(dir, '2024-01', 1_000_000);
  console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}\n`);
  await benchEngine('pglite', kent, million);
  const h = await benchEngine('postgres', kent, million);
  if (h) {
    await benchCounts(h, dir);
    await h.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists hub_bench_${process.pid}`);
    await admin.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
