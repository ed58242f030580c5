import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/helpers/paths.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const isPoliceUkDir = (dir: string) => fs.existsSync(path.join(dir, '2025-01-kent-street.csv'));

/**
 * The shared open-data folder `police-uk` (never copied into the repository).
 * Looked up, in order: HUB_SHARED_DATA (the shared `data` folder, or its `police-uk` folder),
 * `<repo>/../shared/data/police-uk`, then `/work/shared/data/police-uk`.
 */
export function policeUkDir(): string {
  const candidates: string[] = [];
  const env = process.env.HUB_SHARED_DATA;
  if (env) candidates.push(path.resolve(env, 'police-uk'), path.resolve(env));
  candidates.push(path.resolve(repoRoot, '../shared/data/police-uk'), '/work/shared/data/police-uk');
  const found = candidates.find(isPoliceUkDir);
  if (!found) {
    throw new Error(
      `Shared police data not found (looked in ${candidates.join(', ')}). ` +
        'Set HUB_SHARED_DATA to the shared data folder (the one holding police-uk/).',
    );
  }
  return found;
}

/** A path inside the shared police-uk folder. */
export const sharedFile = (...parts: string[]): string => path.join(policeUkDir(), ...parts);

/** The nine Kent street files 2025-01..2025-09, in month order. */
export function kentStreetFiles(): string[] {
  return Array.from({ length: 9 }, (_, i) => sharedFile(`2025-0${i + 1}-kent-street.csv`));
}

/** City of London multi-year street files (CRLF line endings) for the given months. */
export function cityOfLondonStreetFiles(months: readonly string[]): string[] {
  return months.map((m) => sharedFile('multi-year', `${m}-city-of-london-street.csv`));
}

/** A fresh temporary folder, removed by the returned function. */
export function makeTempDir(prefix = 'hub-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
