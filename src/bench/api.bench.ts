/**
 * npm run bench:api — how much signed-in read traffic the API holds, on PGlite and on PostgreSQL.
 *
 * Each engine's database holds the nine Kent street months (2025-01..09), 1,000 generated people
 * and 60 problems, with 8 accounts of mixed roles. The server (`hub serve`, a child process) is
 * started on it; 8 connections (autocannon), one signed-in user each, send equal shares of: the
 * incidents page (a random Kent district, page 1-5 of 50 rows), counts by category (a random
 * district and month), a person page (a random one of the 1,000 the user may see) and the problem
 * list. Any error, timeout or non-2xx response fails the run (exit 1). Per engine it prints one
 * JSON line: req/s, p50 and p99 of the mixed load, the same load against /api/health (the
 * ceiling), each the median of --runs runs of --duration seconds; the server's resident memory
 * before and after; the machine's load average; and a fixed-rate run (--rate, default 200 req/s on
 * PostgreSQL, 70 on PGlite) with its p99. Each load also reports the server's CPU time per request
 * (less sensitive than req/s to other work on the machine). A warm-up of --warmup seconds (10) of
 * the mixed load comes first and is not counted. --soak SECONDS adds the memory after a 30 s
 * warm-up and after SECONDS more of the mixed load (the issue asks for 300).
 *
 * Options: --engine pglite|postgres|both (both), --duration 30, --runs 3, --warmup 10, --fresh
 * (rebuild the databases; otherwise a database prepared by an earlier run is reused), --soak 0,
 * --rate N (the fixed rate for every engine).
 * Environment: HUB_BENCH_DIR (default $TMPDIR/apiload-bench: the PGlite data, key files),
 * HUB_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres: the server where the
 * database apiload_bench is made), HUB_BENCH_PORT (default 4350; PostgreSQL uses the next port).
 * The server's memory is its own process (on PGlite that includes the embedded database; on
 * PostgreSQL the database server's processes are not counted).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { openAuditKey } from '../platform/audit/audit.js';
import { createUser } from '../modules/identity/index.js';
import { cliCaller, createPerson } from '../modules/people/index.js';
import { createProblem } from '../modules/problems/index.js';
import type { Role } from '../platform/policy.js';
import { kentStreetFiles } from './bench-data.js';

type EngineName = 'pglite' | 'postgres';

const { values: opts } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    fresh: { type: 'boolean', default: false },
    soak: { type: 'string', default: '0' },
    warmup: { type: 'string', default: '10' },
    rate: { type: 'string' },
  },
});
const engines: EngineName[] = opts.engine === 'both' ? ['pglite', 'postgres'] : [opts.engine as EngineName];
if (!engines.every((e) => e === 'pglite' || e === 'postgres')) throw new Error('--engine: pglite, postgres or both');
const DURATION = Number(opts.duration);
const RUNS = Number(opts.runs);
const SOAK = Number(opts.soak);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = 8;
const PEOPLE = 1000;
const PROBLEMS = 60;
const PASSWORD = 'bench quartz heron meadow';
const benchDir = path.resolve(process.env.HUB_BENCH_DIR ?? path.join(os.tmpdir(), 'apiload-bench'));
const adminUrl = process.env.HUB_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'apiload_bench';
const basePort = Number(process.env.HUB_BENCH_PORT ?? 4350);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hubJs = path.join(repo, 'bin/hub.js');

/** The accounts: one connection each. Officers and supervisors see their districts only (given after the import). */
const accounts: { username: string; role: Role; districts: number }[] = [
  { username: 'bench-admin', role: 'admin', districts: 0 },
  { username: 'bench-analyst1', role: 'analyst', districts: 0 },
  { username: 'bench-analyst2', role: 'analyst', districts: 0 },
  { username: 'bench-supervisor1', role: 'supervisor', districts: 3 },
  { username: 'bench-supervisor2', role: 'supervisor', districts: 3 },
  { username: 'bench-officer1', role: 'officer', districts: 2 },
  { username: 'bench-officer2', role: 'officer', districts: 2 },
  { username: 'bench-officer3', role: 'officer', districts: 2 },
];

interface Prepared {
  districts: string[];
  months: string[];
  people: { id: number; district: string }[];
  users: { username: string; role: Role; districts: string[] }[];
}

function engineEnv(engine: EngineName): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_DATA_DIR: path.join(benchDir, `${engine}-data`),
    HUB_AUDIT_KEY_FILE: path.join(benchDir, `${engine}-audit.key`),
    HUB_LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(basePort + (engine === 'pglite' ? 0 : 1)),
  };
  if (engine === 'postgres') {
    const u = new URL(adminUrl);
    u.pathname = `/${DB_NAME}`;
    env.DATABASE_URL = u.toString();
  } else delete env.DATABASE_URL;
  delete env.HUB_AUDIT_KEY;
  return env;
}

/** A made-up but plausible name from small lists (never real people). */
function personOf(i: number, district: string) {
  const given = ['Alex', 'Sam', 'Jordan', 'Casey', 'Riley', 'Morgan', 'Taylor', 'Jamie', 'Robin', 'Drew', 'Charlie', 'Frankie'];
  const family = ['Ashdown', 'Birchley', 'Colverd', 'Dunmere', 'Elsworth', 'Farrand', 'Gillam', 'Hartop', 'Ivelaw', 'Jessop', 'Kemble', 'Lintott', 'Marwood'];
  const y = 1950 + (i % 55);
  const m = String(1 + (i % 12)).padStart(2, '0');
  const d = String(1 + (i % 28)).padStart(2, '0');
  return { givenName: given[i % given.length]!, familyName: `${family[(i * 7) % family.length]!}-${i}`, dateOfBirth: `${y}-${m}-${d}`, district, confirmNew: true };
}

async function prepare(engine: EngineName): Promise<Prepared> {
  const marker = path.join(benchDir, `${engine}.prepared.json`);
  if (!opts.fresh && fs.existsSync(marker)) {
    log(`${engine}: reusing the database prepared earlier (--fresh rebuilds it)`);
    return JSON.parse(fs.readFileSync(marker, 'utf8')) as Prepared;
  }
  const env = engineEnv(engine);
  fs.mkdirSync(benchDir, { recursive: true });
  fs.rmSync(marker, { force: true });
  fs.rmSync(env.HUB_AUDIT_KEY_FILE!, { force: true });
  // PostgreSQL needs the key made beforehand (PGlite's commands would make it in place).
  fs.writeFileSync(env.HUB_AUDIT_KEY_FILE!, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  if (engine === 'pglite') fs.rmSync(env.HUB_DATA_DIR!, { recursive: true, force: true });
  else {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
    await admin.end();
  }
  const files = kentStreetFiles();
  if (files.length !== 9) throw new Error(`expected the nine Kent street months, found ${files.length}`);
  log(`${engine}: importing ${files.length} Kent months (hub import)`);
  const imported = spawnSync(process.execPath, [hubJs, 'import', ...files], { env, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`hub import failed (${imported.status}): ${imported.stderr}`);

  const config = loadConfig(env);
  const handle = await openDatabase(config, { pgliteMemory: 'large' });
  try {
    const auditKey = await openAuditKey(handle.db, config, { create: true });
    const districts = (await sql<{ d: string }>`select distinct district as d from incident_count where district <> '' order by 1`.execute(handle.db)).rows.map((r) => r.d);
    const months = (await sql<{ m: string }>`select distinct to_char(month, 'YYYY-MM') as m from import_snapshot where kind = 'street' order by 1`.execute(handle.db)).rows.map((r) => r.m);
    if (districts.length < 6) throw new Error(`expected the Kent districts after the import, found ${districts.join(', ')}`);
    const cli = cliCaller('cli:bench');
    const actor = { kind: 'cli' as const, name: 'cli:bench' };
    const users: Prepared['users'] = [];
    let at = 0;
    for (const a of accounts) {
      const mine = Array.from({ length: a.districts }, () => districts[at++ % districts.length]!);
      await createUser(handle.db, auditKey, actor, { username: a.username, role: a.role, password: PASSWORD, ...(mine.length ? { districts: mine } : {}) });
      users.push({ username: a.username, role: a.role, districts: mine });
    }
    log(`${engine}: creating ${PEOPLE} people and ${PROBLEMS} problems`);
    const people: Prepared['people'] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const district = districts[i % districts.length]!;
      const { id } = await createPerson(handle.db, auditKey, cli, personOf(i, district));
      people.push({ id, district });
    }
    for (let i = 0; i < PROBLEMS; i++) {
      await createProblem(handle.db, auditKey, actor, {
        title: `Bench problem ${i + 1}: repeat disorder near the shops`, district: districts[i % districts.length]!, statementType: 'place',
      });
    }
    const prepared: Prepared = { districts, months, people, users };
    fs.writeFileSync(marker, JSON.stringify(prepared));
    return prepared;
  } finally {
    await handle.close();
  }
}

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Resident memory of a process, MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/** CPU time the process has used (user + system, all threads), ms (Linux /proc). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(engine: EngineName): Promise<Server> {
  const env = engineEnv(engine);
  const child = spawn(process.execPath, [hubJs, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`hub serve exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error(`hub serve did not answer within 120 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Session {
  cookie: string;
  user: Prepared['users'][number];
  people: number[];
}

async function signIn(url: string, p: Prepared): Promise<Session[]> {
  const out: Session[] = [];
  for (const user of p.users) {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`sign-in of ${user.username}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const scoped = user.districts.length > 0;
    const people = p.people.filter((x) => !scoped || user.districts.includes(x.district)).map((x) => x.id);
    out.push({ cookie, user, people });
  }
  return out;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const q = encodeURIComponent;

/** The mixed load's four requests, in turn on each connection (equal shares). */
function mixedPath(kind: number, s: Session, p: Prepared): string {
  switch (kind % 4) {
    case 0: return `/api/incidents?district=${q(pick(p.districts))}&limit=50&offset=${50 * Math.floor(Math.random() * 5)}`;
    case 1: {
      const m = pick(p.months);
      return `/api/incidents/counts?by=category&district=${q(pick(p.districts))}&from=${m}&to=${m}`;
    }
    case 2: return `/api/people/${pick(s.people)}`;
    default: return '/api/problems';
  }
}

interface LoadResult {
  /** The server process's CPU time (all its threads: on PGlite the database's too) per request. */
  cpuMsPerRequest: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
}

interface Failure {
  status: number;
  path: string;
  body: string;
}

async function load(server: Server, sessions: Session[], p: Prepared, mode: 'mixed' | 'health', seconds: number, rate?: number): Promise<LoadResult> {
  const url = server.url;
  const cpuBefore = cpuMs(server.child.pid!);
  let nextSession = 0;
  const failures: Failure[] = [];
  type Ctx = { s?: Session; n?: number; path?: string };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    ...(rate ? { overallRate: rate } : {}),
    requests: [{
      method: 'GET',
      setupRequest: (req: autocannon.Request, context: Ctx) => {
        context.s ??= sessions[nextSession++ % sessions.length]!;
        context.n = (context.n ?? Math.floor(Math.random() * 4)) + 1;
        const reqPath = mode === 'health' ? '/api/health' : mixedPath(context.n, context.s, p);
        context.path = reqPath;
        return { ...req, path: reqPath, headers: { cookie: context.s.cookie } };
      },
      onResponse: (status: number, body: string, context: Ctx) => {
        if ((status < 200 || status > 299) && failures.length < 5) failures.push({ status, path: context.path ?? '?', body: String(body).slice(0, 300) });
      },
    }],
  });
  const bad = result.errors + result.timeouts + result.non2xx;
  if (bad > 0) {
    throw new Error(`${mode} load failed: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses` +
      (failures.length ? `; first: ${failures.map((f) => `${f.status} ${f.path} ${f.body}`).join(' | ')}` : ''));
  }
  const cpu = cpuMs(server.child.pid!) - cpuBefore;
  return {
    rps: Math.round(result.requests.total / (result.duration || seconds)), p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total,
    cpuMsPerRequest: Math.round((cpu / Math.max(1, result.requests.total)) * 100) / 100,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const medianRun = (runs: LoadResult[]) => ({
  rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)),
  serverCpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
});

async function benchEngine(engine: EngineName): Promise<Record<string, unknown>> {
  const p = await prepare(engine);
  const server = await startServer(engine);
  try {
    const sessions = await signIn(server.url, p);
    const memoryBeforeMb = rssMb(server.child.pid!);
    // A warm-up (not counted): the database's caches and the JIT fill on the first requests.
    await load(server, sessions, p, 'mixed', SOAK > 0 ? Math.max(WARMUP, 30) : WARMUP);
    const afterWarmup = rssMb(server.child.pid!);
    let soak: Record<string, number> | null = null;
    if (SOAK > 0) {
      await load(server, sessions, p, 'mixed', SOAK);
      const afterSoak = rssMb(server.child.pid!);
      soak = { seconds: SOAK, memoryAfterWarmupMb: afterWarmup, memoryAfterSoakMb: afterSoak, growthPct: Math.round(((afterSoak - afterWarmup) / afterWarmup) * 1000) / 10 };
    }
    const mixed: LoadResult[] = [];
    const health: LoadResult[] = [];
    const loadAvg: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const m = await load(server, sessions, p, 'mixed', DURATION);
      loadAvg.push(os.loadavg()[0]!);
      mixed.push(m);
      log(`${engine}: mixed run ${i + 1}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.cpuMsPerRequest} ms server CPU per request`);
      const h = await load(server, sessions, p, 'health', DURATION);
      health.push(h);
      log(`${engine}: /api/health run ${i + 1}: ${h.rps} req/s, p50 ${h.p50} ms, p99 ${h.p99} ms`);
    }
    const rate = Number(opts.rate ?? (engine === 'postgres' ? 200 : 70));
    const fixed = await load(server, sessions, p, 'mixed', DURATION, rate);
    log(`${engine}: fixed rate ${rate} req/s: ${fixed.rps} req/s, p99 ${fixed.p99} ms, ${fixed.cpuMsPerRequest} ms server CPU per request`);
    const memoryAfterMb = rssMb(server.child.pid!);
    return {
      engine, connections: CONNECTIONS, durationS: DURATION, runs: RUNS,
      ...medianRun(mixed),
      health: medianRun(health),
      fixedRate: { target: rate, rps: fixed.rps, p50: fixed.p50, p99: fixed.p99, serverCpuMsPerRequest: fixed.cpuMsPerRequest },
      memoryBeforeMb, memoryAfterWarmupMb: afterWarmup, memoryAfterMb,
      loadAverage1m: Math.round(median(loadAvg) * 100) / 100,
      cores: os.availableParallelism(),
      ...(soak ? { soak } : {}),
    };
  } finally {
    await server.stop();
  }
}

let failed = false;
for (const engine of engines) {
  try {
    console.log(JSON.stringify(await benchEngine(engine)));
  } catch (err) {
    failed = true;
    console.log(JSON.stringify({ engine, failed: err instanceof Error ? err.message : String(err) }));
  }
}
process.exitCode = failed ? 1 : 0;
