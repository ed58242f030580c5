import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../platform/errors.js';

/** One CSV to import: from disk or from inside a .zip archive. */
export interface InputFile {
  /** What the user sees in messages: a path, or archive.zip:inner/path.csv */
  label: string;
  /** The bare file name, used to read month/force/kind (2025-01-kent-street.csv). */
  name: string;
  bytes: number;
  /** The file's bytes (files on disk, zip entries) or text (generated files). */
  read(): Promise<string | Uint8Array>;
}

/** Expands paths (files, folders, .zip archives) into the CSV files they hold, in name order. */
export function expandInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new AppError('validation', `${p}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const entries = fs.readdirSync(p, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.(csv|zip)$/i.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      out.push(...expandInputs(entries));
    } else if (/\.zip$/i.test(p)) {
      out.push(...zipEntries(p));
    } else {
      out.push({ label: p, name: path.basename(p), bytes: stat.size, read: () => fs.promises.readFile(p) });
    }
  }
  return out;
}

function zipEntries(zipPath: string): InputFile[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(fs.readFileSync(zipPath), { filter: (f) => /\.csv$/i.test(f.name) });
  } catch (err) {
    throw new AppError('validation', `${zipPath}: not a readable zip archive (${(err as Error).message})`);
  }
  return Object.keys(files)
    .sort()
    .map((inner) => {
      const data = files[inner]!;
      return { label: `${zipPath}:${inner}`, name: path.basename(inner), bytes: data.byteLength, read: async () => data };
    });
}
