/**
 * npm run bench:analysis — Knox test speed on the Chicago burglary file of the near-repeat
 * references (../shared/data/near-repeat), against the issue's targets:
 *   2016 (11,701 events), 4 x 3 bands, 99 iterations: under 0.5 s;
 *   2014-2017 (45,319 events, 3.6M pairs within 600 m), 4 x 3 bands, 999 iterations: under 15 s.
 * Times the analysis from events in memory (close pairs, observed table, permutations on worker
 * threads, statistics); reading the file is timed separately.
 *
 * The Python reference (tobydavies/NearRepeat stats/knox.py) is run on the same data in the same
 * run when NEAR_REPEAT_PY points at a checkout of it and python3 has numpy, pandas, scipy and
 * scikit-learn; otherwise the issue's quoted figures are printed, labelled as quoted. Set
 * BENCH_PY_FULL=1 to also run the reference on the whole file (about 13 minutes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRangeLimit, readEventFile, type FileEvent } from '../modules/analytics/near-repeat/event-file.js';
import { defaultWorkers, knoxTestParallel } from '../modules/analytics/near-repeat/knox-parallel.service.js';
import { wasmAvailable } from '../modules/analytics/near-repeat/knox-wasm.js';
import type { KnoxParameters, KnoxResult } from '../modules/analytics/near-repeat/knox.js';
import { sharedDataDir } from './bench-data.js';

const file = path.join(sharedDataDir(), 'near-repeat', 'chicago_burglary_2014_2017.csv');
const bands = { sBands: [0.1, 200, 400, 600], tBands: [7, 14, 21], seed: 1, intervalSide: 'left', metric: 'euclidean' } as const;
const fmt = (n: number) => n.toLocaleString('en-GB');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function readEvents(from?: string, to?: string): { events: FileEvent[]; ms: number } {
  const started = performance.now();
  const { events } = readEventFile(fs.readFileSync(file, 'utf8'), {
    name: file, xColumn: 'x', yColumn: 'y', timeColumn: 'date_single', dateFormat: 'dd/mm/yyyy',
    from: from ? parseRangeLimit(from, 'day', false, '--from') : undefined,
    to: to ? parseRangeLimit(to, 'day', true, '--to') : undefined,
  });
  return { events, ms: performance.now() - started };
}

async function timed(events: FileEvent[], iterations: number, runs: number): Promise<{ result: KnoxResult; times: number[] }> {
  const parameters: KnoxParameters = { ...bands, sBands: [...bands.sBands], tBands: [...bands.tBands], iterations };
  const times: number[] = [];
  let result: KnoxResult | undefined;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    result = await knoxTestParallel(events, parameters);
    times.push(performance.now() - started);
  }
  return { result: result!, times };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/** Runs the Python reference on the same data; null when it cannot run here. */
function pythonReference(from: string | null, iterations: number): number | null {
  const dir = process.env.NEAR_REPEAT_PY;
  if (!dir || !fs.existsSync(path.join(dir, 'stats', 'knox.py'))) return null;
  const check = spawnSync('python3', ['-c', 'import numpy, pandas, scipy, sklearn'], { encoding: 'utf8' });
  if (check.status !== 0) return null;
  const script = `
import sys, time
sys.path.insert(0, ${JSON.stringify(dir)})
import pandas as pd
import stats.knox as kx
data = pd.read_csv(${JSON.stringify(file)}, parse_dates=['date_single'], dayfirst=True)
${from ? `data = data[data['date_single'].between('${from}-01-01', '${from}-12-31')]` : ''}
t = (data['date_single'] - data['date_single'].min()).dt.days
started = time.time()
kx.knox_test(data[['x', 'y']], t, [0.1, 200, 400, 600], [7, 14, 21], ${iterations}, seed=1)
print(time.time() - started)
`;
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    process.stdout.write(`  (Python reference failed: ${run.stderr.trim().split('\n').at(-1)})\n`);
    return null;
  }
  return Number(run.stdout.trim()) * 1000;
}

async function main() {
  const [l1, l5] = os.loadavg();
  process.stdout.write(
    `Knox test benchmark: ${os.cpus().length} cores, ${defaultWorkers()} worker threads, ` +
      `${wasmAvailable() ? 'WebAssembly SIMD' : 'JavaScript'} permutation loop; load average ${l1!.toFixed(1)} / ${l5!.toFixed(1)} (1 / 5 min)\n\n`,
  );
  const cases = [
    { label: '2016, 4 x 3 bands, 99 iterations', from: '2016', iterations: 99, targetMs: 500, runs: 5, quoted: 'about 20 s' },
    { label: '2014-2017, 4 x 3 bands, 999 iterations', from: null, iterations: 999, targetMs: 15_000, runs: 3, quoted: 'about 13 minutes' },
  ];
  for (const c of cases) {
    const { events, ms: readMs } = c.from ? readEvents(`${c.from}-01-01`, `${c.from}-12-31`) : readEvents();
    const { result, times } = await timed(events, c.iterations, c.runs);
    const t = median(times);
    process.stdout.write(
      `${c.label}\n` +
        `  events ${fmt(result.n)}, pairs within ${bands.sBands.at(-1)} m ${fmt(result.closePairs)} (file read ${secs(readMs)})\n` +
        `  Knox test: ${secs(t)} (median of ${c.runs}: ${times.map(secs).join(', ')}); target under ${secs(c.targetMs)}: ${t < c.targetMs ? 'met' : 'NOT met'}\n`,
    );
    const runPython = c.from !== null || process.env.BENCH_PY_FULL === '1';
    const py = runPython ? pythonReference(c.from, c.iterations) : null;
    if (py !== null) process.stdout.write(`  Python reference (tobydavies/NearRepeat), same data, this run: ${secs(py)} (${(py / t).toFixed(0)}x slower)\n\n`);
    else process.stdout.write(`  Python reference: ${c.quoted} on this machine (quoted in the issue, not measured here)\n\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
