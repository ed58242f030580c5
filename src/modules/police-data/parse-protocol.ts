/** Messages between the import and its parsing worker (parse-worker.ts). */
import type { DistrictLookup } from '../../ingest/police-uk/fields.js';
import type { FileFacts, StreetRollups } from '../../ingest/police-uk/parsed-file.js';
import type { CsvProblem } from '../../ingest/csv/csv.js';
import type { PoliceDataKind } from './police-data.tables.js';

/** What an import tells the worker first: how to read its files. */
export interface ImportSettings {
  forceOverride: string | undefined;
  districts: DistrictLookup;
  /** Parsed bytes the worker may send before the loader has taken them. */
  aheadBytes: number;
}

/** Every message names its import: one worker serves the imports of a process, in turn. */
export type ToParseWorker =
  | { type: 'begin'; importId: number; settings: ImportSettings }
  | { type: 'file'; importId: number; index: number; name: string; data: string | Uint8Array; snapshotId: number }
  /** The loader took `bytes` of chunks: the worker may send that much more. */
  | { type: 'credit'; importId: number; bytes: number }
  /** The import is over (done or stopped): its files are dropped. */
  | { type: 'finish'; importId: number };

export type FromParseWorker =
  | { type: 'refused'; importId: number; index: number; line: number; message: string }
  | {
      type: 'opened';
      importId: number;
      index: number;
      kind: PoliceDataKind;
      table: 'incident_row' | 'stop_search' | 'crime_outcome';
      columns: readonly string[];
      format: 'text' | 'csv';
      expectedRows: number;
    }
  /** COPY-ready rows, with what is known of the file so far. */
  | { type: 'chunk'; importId: number; index: number; data: Uint8Array; facts: FileFacts; problemCount: number }
  /** The whole file has been read. */
  | { type: 'end'; importId: number; index: number; facts: FileFacts; problems: CsvProblem[]; problemCount: number; rollups: StreetRollups | null };
