import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real-data folder (never copied into the repo): ../shared/data, or HUB_SHARED_DATA. */
export function sharedDataDir(): string {
  if (process.env.HUB_SHARED_DATA) return path.resolve(process.env.HUB_SHARED_DATA);
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  for (const candidate of [path.resolve(repo, '../shared/data'), '/work/shared/data']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('Shared data not found: set HUB_SHARED_DATA to the folder holding police-uk/');
}

export function kentStreetFiles(): string[] {
  const dir = path.join(sharedDataDir(), 'police-uk');
  return fs
    .readdirSync(dir)
    .filter((f) => /^2025-0[1-9]-kent-street\.csv$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Writes a street file of `rows` rows for `month`, made by cycling the real Kent rows with the
 * month rewritten (realistic widths, snap points and category mix; ids made unique).
 */
export async function writeGeneratedStreetFile(dir: string, month: string, rows: number, force = 'benchshire'): Promise<string> {
  const source = kentStreetFiles().flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').slice(1).filter((l) => l !== ''));
  const file = path.join(dir, `${month}-${force}-street.csv`);
  const out = fs.createWriteStream(file);
  out.write('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n');
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    const line = source[i % source.length]!;
    const f = line.split(',');
    f[1] = month;
    f[2] = 'Benchshire Police';
    f[3] = 'Benchshire Police';
    if (f[0] !== '') f[0] = `${f[0]!.slice(0, 56)}${(i % 1e8).toString(16).padStart(8, '0')}`;
    buf.push(f.join(','));
    if (buf.length === 50_000) {
      if (!out.write(`${buf.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = [];
    }
  }
  if (buf.length) out.write(`${buf.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return file;
}
