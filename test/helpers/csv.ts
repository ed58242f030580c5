import fs from 'node:fs';
import path from 'node:path';

/** The data.police.uk street header, written out independently of src/. */
export const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** The lines of a file without line terminators (CRLF or LF); a final empty line is dropped. */
export function readLines(file: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Writes lines (LF, trailing newline) as `dir/name` and returns the path. */
export function writeLines(dir: string, name: string, lines: readonly string[], eol = '\n'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join(eol) + eol);
  return file;
}

export interface StreetRowFields {
  crimeId?: string;
  month?: string;
  reportedBy?: string;
  fallsWithin?: string;
  longitude?: string;
  latitude?: string;
  location?: string;
  lsoaCode?: string;
  lsoaName?: string;
  category?: string;
  outcome?: string;
  context?: string;
}

/** One street CSV line (unquoted; values must not hold commas). Defaults describe a Kent crime in Thanet. */
export function streetRow(f: StreetRowFields = {}): string {
  return [
    f.crimeId ?? 'a'.repeat(64),
    f.month ?? '2025-01',
    f.reportedBy ?? 'Kent Police',
    f.fallsWithin ?? 'Kent Police',
    f.longitude ?? '1.383000',
    f.latitude ?? '51.380000',
    f.location ?? 'On or near Test Street',
    f.lsoaCode ?? 'E01024500',
    f.lsoaName ?? 'Thanet 001A',
    f.category ?? 'Burglary',
    f.outcome ?? 'Investigation complete; no suspect identified',
    f.context ?? '',
  ].join(',');
}

/** Splits one unquoted CSV line. Good enough for data.police.uk files (they hold no quoted fields). */
export const fieldsOf = (line: string): string[] => line.split(',');

/** Replaces field `index` of an unquoted CSV line. */
export function withField(line: string, index: number, value: string): string {
  const f = fieldsOf(line);
  f[index] = value;
  return f.join(',');
}

/** Street column indexes (0-based), for readability in tests. */
export const COL = {
  crimeId: 0, month: 1, reportedBy: 2, fallsWithin: 3, longitude: 4, latitude: 5, location: 6,
  lsoaCode: 7, lsoaName: 8, category: 9, outcome: 10, context: 11,
} as const;

/**
 * Copies a real file into `dir` under `name` with `edit` applied to its lines (header = index 0,
 * so line number = index + 1). Returns the new path.
 */
export function copyWithEdit(source: string, dir: string, name: string, edit: (lines: string[]) => string[]): string {
  return writeLines(dir, name, edit(readLines(source)));
}
