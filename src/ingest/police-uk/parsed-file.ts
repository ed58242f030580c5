import type { PoliceDataKind } from '../../modules/police-data/police-data.tables.js';
import type { CsvProblem } from '../csv/csv.js';

/** What is learnt about a file while reading it. */
export interface FileFacts {
  force: string | null;
  fallsWithin: string | null;
  month: string | null; // YYYY-MM
  rows: number;
  noLocationRows: number;
}

/**
 * A file being read: chunks of COPY-ready lines are produced lazily, so the database can load
 * one chunk while the next is parsed. Problems stop chunk output but reading goes on, to report
 * up to 20 of them.
 */
export interface PoliceFileLoad {
  kind: PoliceDataKind;
  table: 'incident_row' | 'stop_search' | 'crime_outcome';
  columns: readonly string[];
  format: 'text' | 'csv';
  facts: FileFacts;
  problems: ProblemCollector;
  chunks: Iterator<string>;
  /** Summary counts computed while reading (street files), ready once all chunks are read. */
  rollups?: () => StreetRollups;
}

/** A street file's counts, as columns: by district, category and outcome; and by LSOA. */
export interface StreetRollups {
  byDistrict: { district: string[]; category: string[]; outcome: string[]; n: number[] };
  byLsoa: { district: string[]; lsoaCode: string[]; n: number[] };
}

/** Counts by a three-part key without building a string per row. */
export class Tally3 {
  private readonly root = new Map<string, Map<string, Map<string, number>>>();
  add(a: string, b: string, c: string, n = 1): void {
    let m1 = this.root.get(a);
    if (!m1) this.root.set(a, (m1 = new Map()));
    let m2 = m1.get(b);
    if (!m2) m1.set(b, (m2 = new Map()));
    m2.set(c, (m2.get(c) ?? 0) + n);
  }
  *entries(): Generator<[string, string, string, number]> {
    for (const [a, m1] of this.root) for (const [b, m2] of m1) for (const [c, n] of m2) yield [a, b, c, n];
  }
}

export const MAX_REPORTED_ERRORS = 20;
export const CHUNK_ROWS = 1_000;
/** The first chunk is small, so the database starts loading while the rest is parsed. */
export const FIRST_CHUNK_ROWS = 500;

export interface ProblemCollector {
  add(line: number, message: string): void;
  errors: CsvProblem[];
  count(): number;
}

/** Collects problems: keeps the first 20, counts them all. */
export function problemCollector(): ProblemCollector {
  const errors: CsvProblem[] = [];
  let count = 0;
  return {
    add(line, message) {
      count++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line, message });
    },
    errors,
    count: () => count,
  };
}

/** Gathers lines; `push` returns a full chunk after FIRST_CHUNK_ROWS, then every CHUNK_ROWS lines. */
export function chunkBuffer(): { push(line: string): string | null; flush(): string | null } {
  let buf: string[] = [];
  let size = FIRST_CHUNK_ROWS;
  return {
    push(line) {
      buf.push(line);
      if (buf.length < size) return null;
      size = CHUNK_ROWS;
      const out = buf.join('');
      buf = [];
      return out;
    },
    flush() {
      const out = buf.length ? buf.join('') : null;
      buf = [];
      return out;
    },
  };
}

export const newFacts = (force: string | null, month: string | null): FileFacts => ({
  force, fallsWithin: null, month, rows: 0, noLocationRows: 0,
});
