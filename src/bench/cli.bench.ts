/**
 * npm run bench:cli — how fast `hub` starts on the embedded database (issue 11 item 3):
 * `node bin/hub.js stats --by category` with the nine Kent months (2025-01..09) loaded, beside
 * `node bin/hub.js --help` measured in the same run, each the median of 5 runs (alternating), as a
 * user runs them: a new Node process each time. Wall time is from spawn to exit; peak memory is
 * the process's peak resident set (main thread and database worker) and CPU its user+system time,
 * both reported by the process itself (peak-rss.ts). Targets: stats under 1 s wall and under
 * 300 MB peak. The machine's load average is printed: on a shared machine wall time is CPU time
 * plus waiting for a core, so compare with `hub --help` of the same run.
 *
 * The data directory is BENCH_CLI_DATA_DIR, or a folder in the system's temp folder kept between
 * runs; the Kent months are imported into it (`hub import`) when it does not hold them yet.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kentStreetFiles } from './bench-data.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hubBin = path.join(repo, 'bin', 'hub.js');
const usageHook = path.join(repo, 'dist', 'bench', 'peak-rss.js');
const RUNS = 5;
const TARGET = { wallMs: 1000, peakRssMb: 300 };

interface Run {
  wallMs: number;
  peakRssMb: number;
  cpuMs: number;
  stdout: string;
}

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir, HUB_LOG_LEVEL: 'warn', ...extra };
  delete e.DATABASE_URL;
  return e;
}

/** Runs `node [--import peak-rss] bin/hub.js args` to its end. */
function runHub(args: string[], dataDir: string, measure: boolean): Promise<Run> {
  const usageFile = path.join(os.tmpdir(), `hub-bench-usage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  const nodeArgs = measure ? ['--import', usageHook, hubBin, ...args] : [hubBin, ...args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { env: env(dataDir, measure ? { HUB_BENCH_USAGE_FILE: usageFile } : {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`hub ${args.join(' ')} exited ${code}: ${stderr}`));
      let usage = { maxRssKb: 0, cpuMs: 0 };
      if (measure) {
        usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as typeof usage;
        fs.rmSync(usageFile, { force: true });
      }
      resolve({ wallMs, peakRssMb: usage.maxRssKb / 1024, cpuMs: usage.cpuMs, stdout });
    });
  });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function kentDataDir(): Promise<string> {
  const dir = process.env.BENCH_CLI_DATA_DIR ? path.resolve(process.env.BENCH_CLI_DATA_DIR) : path.join(os.tmpdir(), 'hub-bench-cli-kent');
  const files = kentStreetFiles();
  if (files.length !== 9) throw new Error(`expected the nine Kent street files 2025-01..09, found ${files.length}`);
  const held = fs.existsSync(path.join(dir, 'pg'))
    ? (JSON.parse((await runHub(['stats', '--by', 'month', '--force', 'kent', '--json'], dir, false)).stdout) as { key: string }[]).map((r) => r.key)
    : [];
  if (held.length !== 9) {
    process.stdout.write(`Importing the nine Kent months into ${dir} ...\n`);
    await runHub(['import', ...files], dir, false);
  }
  return dir;
}

async function main(): Promise<void> {
  if (!fs.existsSync(usageHook)) throw new Error(`${usageHook} is missing: run npm run build:server`);
  const dataDir = await kentDataDir();
  const stats = ['stats', '--by', 'category'];
  // One unmeasured run of each first (file system cache), then RUNS measured, alternating.
  await runHub(['--help'], dataDir, false);
  await runHub(stats, dataDir, false);
  const runs: { help: Run[]; stats: Run[] } = { help: [], stats: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.help.push(await runHub(['--help'], dataDir, true));
    runs.stats.push(await runHub(stats, dataDir, true));
  }
  const summary = (r: Run[]) => ({
    wallMs: Math.round(median(r.map((x) => x.wallMs))),
    peakRssMb: Math.round(median(r.map((x) => x.peakRssMb))),
    cpuMs: Math.round(median(r.map((x) => x.cpuMs))),
    wallMsAll: r.map((x) => Math.round(x.wallMs)),
  });
  const help = summary(runs.help);
  const st = summary(runs.stats);
  const total = /^Total\s+(\d+)/m.exec(runs.stats[0]!.stdout)?.[1];
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  const row = (name: string, s: ReturnType<typeof summary>) =>
    `${name.padEnd(28)} ${String(s.wallMs).padStart(7)} ms wall  ${String(s.peakRssMb).padStart(5)} MB peak  ${String(s.cpuMs).padStart(6)} ms CPU   (runs: ${s.wallMsAll.join(', ')} ms)`;
  process.stdout.write(`\nhub on the embedded database, nine Kent months (${total ?? '?'} incidents), median of ${RUNS}; load average ${load.join(' ')} on ${os.cpus().length} cores\n`);
  process.stdout.write(`${row('hub --help', help)}\n${row('hub stats --by category', st)}\n`);
  const met = st.wallMs < TARGET.wallMs && st.peakRssMb < TARGET.peakRssMb;
  process.stdout.write(`Target: stats under ${TARGET.wallMs} ms wall and ${TARGET.peakRssMb} MB peak: ${met ? 'met' : 'NOT met'}\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'cli', engine: 'pglite', runs: RUNS, incidents: total ? Number(total) : null, help, stats: st, target: TARGET, met, loadavg: load, cores: os.cpus().length })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:cli: ${(err as Error).message}\n`);
  process.exit(1);
});
