/**
 * npm run bench:records — force-records import speed: a generated (SYNTHETIC) crime extract of
 * 1,000,000 rows in the worked example's layout, imported as `hub import-records` does (bytes read
 * from the file, decoded, parsed, nominal ids turned into person keys, COPY, coverage, person keys),
 * on PGlite (bar: at least 100,000 rows/s) and on PostgreSQL (bar: at least 50% of a raw COPY of
 * the same CSV lines into a bare text table, measured in the same run). Each engine: the first
 * import into a new database, then the median of three rounds into emptied tables, each beside a
 * raw COPY round. PostgreSQL comes from HUB_BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres); a throwaway database records_bench_<pid> is
 * created and dropped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { copyInto } from '../platform/db/kysely-driver.js';
import { EXAMPLE_COLUMNS, EXAMPLE_PLACES, exampleFiles, generateExtracts, importRecordsFile, parseMapping, recordsKeyFingerprint } from '../modules/records/index.js';
import { parse as parseYaml } from 'yaml';

const adminUrl = process.env.HUB_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = 1_000_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
type Timing = { rows: number; seconds: number };
const median = (xs: Timing[]): Timing => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)]!;
const KEY = Buffer.from('bench-records-key-0123456789abcdef0123456789', 'utf8');

/** A 1,000,000-row crime extract (2020-2025) in the worked example's layout. */
function writeExtract(dir: string): string {
  const x = generateExtracts({ seed: 1, places: EXAMPLE_PLACES, from: '2020-01-01', to: '2025-12-31', outcomesTo: '2025-12-31', crimes: Math.ceil(ROWS / 1.05), incidents: 0, people: 200_000, refPrefix: 'BN' });
  const lines = x.crimes.split('\n');
  if (lines.length - 2 < ROWS) throw new Error(`generated ${lines.length - 2} rows, fewer than ${ROWS}`);
  const file = path.join(dir, 'crimes-1m.csv');
  fs.writeFileSync(file, `${lines.slice(0, ROWS + 1).join('\n')}\n`);
  return file;
}

async function timedImport(h: DatabaseHandle, file: string): Promise<Timing> {
  const mapping = parseMapping({ ...(parseYaml(exampleFiles()['crimes.mapping.yaml']!) as object), coverage: { from: '2020-01-01', to: '2025-12-31', extractedOn: '2026-01-05' } });
  const started = performance.now();
  const content = fs.readFileSync(file);
  const s = await importRecordsFile(h.db, { label: file, name: path.basename(file), content }, { by: 'bench', mapping, key: { key: KEY, fingerprint: recordsKeyFingerprint(KEY) }, maxShrink: 0.02 });
  const seconds = (performance.now() - started) / 1000;
  if (s.errorCount > 0) throw new Error(`bench import failed: ${s.errors[0]?.line}: ${s.errors[0]?.message}`);
  return { rows: s.rows, seconds };
}

/** The reference: COPY the same CSV lines, as exported, into a bare text table of as many columns. */
async function timedRawCopy(h: DatabaseHandle, file: string): Promise<Timing> {
  const columns = EXAMPLE_COLUMNS.crimes.map((_, i) => `c${i + 1}`);
  await sql`drop table if exists records_bench_raw`.execute(h.db);
  await sql.raw(`create table records_bench_raw (${columns.map((c) => `${c} text`).join(', ')})`).execute(h.db);
  const started = performance.now();
  const text = fs.readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('\n') + 1);
  const chunks = function* () {
    for (let at = 0; at < body.length; ) {
      let end = body.indexOf('\n', at + 4_000_000);
      end = end === -1 ? body.length : end + 1;
      yield body.slice(at, end);
      at = end;
    }
  };
  let rows = 0;
  await h.db.transaction().execute(async (trx) => {
    rows = await copyInto(trx, { table: 'records_bench_raw', columns, chunks: chunks(), format: 'csv' });
  });
  const seconds = (performance.now() - started) / 1000;
  await sql`drop table records_bench_raw`.execute(h.db);
  return { rows, seconds };
}

function report(engine: string, what: string, ours: Timing, raw: Timing, target: string): { rate: number; ratio: number } {
  const a = ours.rows / ours.seconds;
  const b = raw.rows / raw.seconds;
  console.log(
    `${engine.padEnd(9)} ${what.padEnd(16)} ${fmt(ours.rows).padStart(9)} rows  hub import-records ${fmt(a).padStart(9)} rows/s (${ours.seconds.toFixed(2)} s)` +
      `  raw COPY ${fmt(b).padStart(9)} rows/s (${raw.seconds.toFixed(2)} s)  ratio ${((100 * a) / b).toFixed(0)}%  ${target}`,
  );
  return { rate: a, ratio: a / b };
}

async function benchEngine(engine: 'pglite' | 'postgres', file: string): Promise<{ rate: number; ratio: number }> {
  let url: string | undefined;
  let dataDir = '';
  const name = `records_bench_${process.pid}`;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-bench-'));
  }
  const h = await openDatabase({ dataDir, databaseUrl: url }, { pgliteMemory: 'large' });
  const target = engine === 'postgres' ? 'bar: >= 50% of raw COPY' : 'bar: >= 100,000 rows/s';
  try {
    report(engine, 'first', await timedImport(h, file), await timedRawCopy(h, file), '(first import in this database)');
    const ours: Timing[] = [];
    const raw: Timing[] = [];
    for (let round = 0; round < 3; round++) {
      await sql`truncate records_crime, records_person_key`.execute(h.db);
      await sql`delete from records_import`.execute(h.db);
      ours.push(await timedImport(h, file));
      raw.push(await timedRawCopy(h, file));
    }
    return report(engine, 'median of 3', median(ours), median(raw), target);
  } finally {
    await h.close();
    if (engine === 'pglite') fs.rmSync(dataDir, { recursive: true, force: true });
    else {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-bench-files-'));
  try {
    const started = performance.now();
    const file = writeExtract(dir);
    console.log(`Generated a ${fmt(ROWS)}-row SYNTHETIC crime extract (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}\n`);
    const lite = await benchEngine('pglite', file);
    const server = await benchEngine('postgres', file);
    console.log(`\nPGlite ${fmt(lite.rate)} rows/s (bar 100,000): ${lite.rate >= 100_000 ? 'met' : 'NOT met'}; ` +
      `PostgreSQL ${(server.ratio * 100).toFixed(0)}% of raw COPY (bar 50%): ${server.ratio >= 0.5 ? 'met' : 'NOT met'}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
