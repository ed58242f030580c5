import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../platform/errors.js';
import { clip } from './police-uk/fields.js';

/** One CSV to import: from disk or from inside a .zip archive. */
export interface InputFile {
  /** What the user sees in messages: a path, or archive.zip:inner/path.csv */
  label: string;
  /** The bare file name, used to read month/force/kind (2025-01-kent-street.csv). */
  name: string;
  bytes: number;
  /** The file's bytes (files on disk, zip entries) or text (generated files). */
  read(): Promise<string | Uint8Array>;
  /** Set when the input holds nothing to import (an archive or folder without CSV files): the reason. */
  problem?: string;
}

/** An input that fails with `problem` (reported as that input's error; the other inputs still import). */
function emptyInput(label: string, problem: string): InputFile {
  return { label, name: path.basename(label), bytes: 0, read: async () => new Uint8Array(0), problem };
}

/** Names for a message: at most three, each shortened, unprintable characters escaped. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => clip(n, 60));
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
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
      if (entries.length === 0) out.push(emptyInput(p, 'no CSV or .zip files in this folder: nothing to import'));
      else out.push(...expandInputs(entries));
    } else if (/\.zip$/i.test(p)) {
      out.push(...zipEntries(p));
    } else {
      out.push({ label: p, name: path.basename(p), bytes: stat.size, read: () => fs.promises.readFile(p) });
    }
  }
  return out;
}

function zipEntries(zipPath: string): InputFile[] {
  return zipEntriesOf(zipPath, fs.readFileSync(zipPath));
}

/** The CSV files inside a .zip archive's bytes; `zipPath` names it in messages and labels. */
function zipEntriesOf(zipPath: string, bytes: Uint8Array): InputFile[] {
  let files: Record<string, Uint8Array>;
  const others: string[] = [];
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const csv = /\.csv$/i.test(f.name);
        if (!csv && !f.name.endsWith('/')) others.push(f.name);
        return csv;
      },
    });
  } catch (err) {
    throw new AppError('validation', `${zipPath}: not a readable zip archive (${clip((err as Error).message, 80)})`);
  }
  if (Object.keys(files).length === 0) {
    return [emptyInput(zipPath, others.length === 0
      ? 'the archive is empty: no CSV files to import'
      : `the archive holds no CSV files, only ${listNames(others)}: nothing to import`)];
  }
  return Object.keys(files)
    .sort()
    .map((inner) => {
      const data = files[inner]!;
      return { label: `${zipPath}:${clip(inner, 200)}`, name: path.basename(inner), bytes: data.byteLength, read: async () => data };
    });
}

/**
 * Files uploaded through the web app (CSV files or .zip archives of them), as `hub import` reads
 * files from disk: a .zip is expanded into its CSV files (labelled archive.zip:inner.csv) and an
 * archive without any is that input's error. Labels are the uploaded file names (no folders).
 */
export function uploadedInputs(files: readonly { name: string; bytes: Uint8Array }[]): InputFile[] {
  const out: InputFile[] = [];
  for (const f of files) {
    const name = clip(path.basename(f.name.replace(/\\/g, '/')), 200);
    if (/\.zip$/i.test(name)) out.push(...zipEntriesOf(name, f.bytes));
    else out.push({ label: name, name, bytes: f.bytes.byteLength, read: async () => f.bytes });
  }
  return out;
}
