// Global setup for the database tiers: the PGlite and parsing worker threads and the CLI run
// compiled JavaScript from dist/, so dist/ must exist and be newer than src/. `npm test` (and .ci/run)
// build first; this only rebuilds when dist/ is missing or stale. HUB_TEST_NO_BUILD=1 skips it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths.js';

const needed = ['dist/cli/main.js', 'dist/platform/db/pglite-worker.js', 'dist/modules/police-data/parse-worker.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  const times = needed.map((f) => path.join(repoRoot, f)).map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0));
  return Math.min(...times);
}

export default function ensureBuild(): void {
  if (process.env.HUB_TEST_NO_BUILD === '1') return;
  const built = builtAt();
  if (built > 0 && built >= newestSource(path.join(repoRoot, 'src'))) return;
  console.log(built === 0 ? 'dist/ is missing: running npm run build:server' : 'dist/ is older than src/: running npm run build:server');
  try {
    execFileSync('npm', ['run', 'build:server'], { cwd: repoRoot, stdio: 'inherit' });
  } catch {
    // tsc emits JavaScript even with type errors (npm test type-checks separately); only a
    // missing output is fatal here.
    if (builtAt() === 0) throw new Error('npm run build:server produced no dist/: the database tests cannot run');
    console.warn('npm run build:server reported errors; testing the JavaScript it emitted');
  }
}
