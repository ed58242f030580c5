import type { PoliceDataKind } from '../../modules/police-data/index.js';
import type { CsvProblem } from '../csv/csv.js';

/** What is learnt about a file while reading it. */
export interface FileFacts {
  force: string | null;
  /** The force that supplied the rows ("Reported by"), as published; it decides `force`. */
  reportedBy: string | null;
  fallsWithin: string | null;
  month: string | null; // YYYY-MM
  rows: number;
  noLocationRows: number;
  /** The physical line of the last row read. */
  lastLine: number;
  /** Located rows whose LSOA is not among the imported LSOA boundaries (0 when none are imported). */
  outsideLsoaRows: number;
  /** The first of them (0 when none). */
  firstOutsideLsoaLine: number;
}

/** A force named for a file by the user: on the command line (--force) or in the file name. */
export interface ForceClaim {
  force: string;
  /** Where the claim comes from, for messages: "--force" or "the file name". */
  from: string;
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
  chunks: Iterator<Uint8Array>;
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

/** Bytes set aside per chunk (1,000 rows of a street file take about 270 KB). */
const CHUNK_BYTES = 512 * 1024;

/**
 * Gathers lines as UTF-8 bytes: `push` returns a full chunk after FIRST_CHUNK_ROWS, then every
 * CHUNK_ROWS lines (or sooner when the bytes would not fit). Encoding each line into the chunk
 * as it comes costs less than joining strings and encoding them when sent. Each chunk has a
 * buffer of its own (it may be transferred to another thread).
 */
export function chunkBuffer(): { push(line: string): Uint8Array | null; flush(): Uint8Array | null } {
  let buf = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let used = 0;
  let rows = 0;
  let limit = FIRST_CHUNK_ROWS;
  const take = (): Uint8Array => {
    const out = buf.subarray(0, used);
    buf = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    used = 0;
    rows = 0;
    limit = CHUNK_ROWS;
    return out;
  };
  return {
    push(line) {
      const most = line.length * 3; // UTF-8 bytes of a JavaScript string are at most 3 per unit
      let ready: Uint8Array | null = null;
      if (used + most > buf.length && rows > 0) ready = take();
      if (most > buf.length) buf = Buffer.allocUnsafeSlow(most);
      used += buf.write(line, used, 'utf8');
      rows++;
      if (ready === null && rows >= limit) ready = take();
      return ready;
    },
    flush: () => (rows > 0 ? take() : null),
  };
}

export const newFacts = (force: string | null, month: string | null): FileFacts => ({
  force, reportedBy: null, fallsWithin: null, month, rows: 0, noLocationRows: 0, lastLine: 0, outsideLsoaRows: 0, firstOutsideLsoaLine: 0,
});
