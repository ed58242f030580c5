import type { Db } from '../../platform/db/database.js';
import { copyInto } from '../../platform/db/kysely-driver.js';
import { cachedBngConverter } from '../../platform/geo/bng.js';
import type { InputFile } from '../../ingest/files.js';
import type { DistrictResolver } from '../../ingest/police-uk/fields.js';
import { openPoliceCsv } from '../../ingest/police-uk/parse-file.js';
import type { PoliceFileLoad } from '../../ingest/police-uk/parsed-file.js';
import * as repo from './police-data.repository.js';
import type { PoliceDataKind } from './police-data.tables.js';

export interface FileImportSummary {
  file: string;
  kind: PoliceDataKind | null;
  force: string | null;
  month: string | null;
  rows: number;
  inserted: number;
  replaced: number;
  errors: { line: number; message: string }[];
  errorCount: number;
}

export interface ImportOptions {
  /** Who imports: a user name, or cli:<os user>. */
  by: string;
  forceOverride?: string | undefined;
  /** Demo datasets are tagged so that the first real import can remove them. */
  demo?: boolean;
  resolver: DistrictResolver;
  /** Removes demo data of other modules (boundaries) in the same transaction. */
  removeOtherDemoData?: (trx: Db) => Promise<void>;
  /** Records the import in the audit log, inside the file's transaction. */
  audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void>;
  /** Called as work proceeds: the share of all input bytes done (0..1) and rows loaded so far. */
  onProgress?: (p: { file: string; fraction: number; rowsDone: number }) => void;
}

/** Thrown inside the transaction to roll a file back when a bad row turns up mid-load. */
class BadRows extends Error {}

/**
 * Imports data.police.uk files. Each file is a snapshot of (kind, force, month) and is
 * imported atomically: a file with any bad row changes nothing and reports its problems;
 * a good file replaces the snapshot it updates. One bad file does not stop the others.
 * Parsing the next chunk overlaps with the database loading the previous one.
 */
export async function importPoliceFiles(db: Db, inputs: readonly InputFile[], opts: ImportOptions): Promise<FileImportSummary[]> {
  // Converted snap points, shared by the files of this run: months repeat the same points.
  const geo = { bng: cachedBngConverter(), gridCache: new Map<string, string>() };
  const out: FileImportSummary[] = [];
  const totalBytes = Math.max(1, inputs.reduce((n, f) => n + f.bytes, 0));
  let bytesDone = 0;
  let rowsDone = 0;
  let next: Promise<string> | undefined;
  for (const [i, input] of inputs.entries()) {
    // Read the next file while this one loads.
    const text = next ?? input.read();
    next = inputs[i + 1]?.read();
    next?.catch(() => undefined); // reported when its turn comes
    const summary = await importOne(db, input, text, opts, geo, (fileFraction, rows) => {
      opts.onProgress?.({ file: input.label, fraction: (bytesDone + input.bytes * fileFraction) / totalBytes, rowsDone: rowsDone + rows });
    });
    rowsDone += summary.errorCount === 0 ? summary.rows : 0;
    bytesDone += input.bytes;
    opts.onProgress?.({ file: input.label, fraction: bytesDone / totalBytes, rowsDone });
    out.push(summary);
  }
  return out;
}

async function importOne(
  db: Db,
  input: InputFile,
  reading: Promise<string>,
  opts: ImportOptions,
  geo: { bng: ReturnType<typeof cachedBngConverter>; gridCache: Map<string, string> },
  progress: (fileFraction: number, rows: number) => void,
): Promise<FileImportSummary> {
  const failed = (errors: FileImportSummary['errors'], errorCount: number, rows = 0): FileImportSummary => ({
    file: input.label, kind: null, force: null, month: null, rows, inserted: 0, replaced: 0, errors, errorCount,
  });
  let text: string;
  try {
    text = await reading;
  } catch (err) {
    return failed([{ line: 0, message: `cannot read file: ${(err as Error).message}` }], 1);
  }
  const snapshotId = await repo.nextSnapshotId(db);
  const opened = openPoliceCsv(input.name, text, { snapshotId, forceOverride: opts.forceOverride, resolver: opts.resolver, ...geo });
  if (!opened.ok) return failed([{ line: opened.line, message: opened.message }], 1);
  const load = opened.load;
  const reportProblems = () => {
    drain(load);
    const errors = [...load.problems.errors].sort((a, b) => a.line - b.line);
    return failed(errors, load.problems.count(), load.facts.rows);
  };

  const first = load.chunks.next();
  if (load.problems.count() > 0) return reportProblems();
  if (first.done) return failed([{ line: 2, message: 'no data rows after the header' }], 1);
  const { facts } = load;
  const expectedRows = Math.max(1, countLines(text) - 1);
  const force = facts.force!;
  const month = facts.month!;

  try {
    const result = await db.transaction().execute(async (trx) => {
      await repo.lockSnapshotKey(trx, load.kind, force, month); // concurrent imports of one month take turns
      const prior = await repo.findSnapshot(trx, load.kind, force, month);
      if (prior) await repo.deleteSnapshotRecord(trx, prior.id);
      if (!opts.demo) {
        const demo = await repo.demoSnapshots(trx);
        if (demo.length) {
          await repo.deleteSnapshots(trx, demo);
          await opts.removeOtherDemoData?.(trx);
        }
      }
      // The chunks are parsed as the database asks for them, overlapping parse and load.
      const chunks = function* (): Generator<string> {
        for (let c: IteratorResult<string> = first; !c.done; c = load.chunks.next()) {
          yield c.value;
          progress(Math.min(1, facts.rows / expectedRows), facts.rows);
        }
      };
      await copyInto(trx, { table: load.table, columns: load.columns, chunks: chunks(), format: load.format });
      if (load.problems.count() > 0) throw new BadRows();
      await repo.insertSnapshot(trx, snapshotId, load.kind, { force, month, fallsWithin: facts.fallsWithin, rows: facts.rows, noLocationRows: facts.noLocationRows }, input.name, opts.by, opts.demo ?? false);
      for (const r of load.rollups?.() ?? []) await copyInto(trx, r);
      const inserted = prior ? await repo.countNewRows(trx, load.kind, snapshotId, prior.id) : facts.rows;
      if (prior) await repo.deleteSnapshotRows(trx, prior);
      await opts.audit?.(trx, {
        action: prior ? 'replace' : 'import', recordType: 'import_snapshot', recordId: String(snapshotId),
        details: { file: input.name, kind: load.kind, force, month, rows: facts.rows, inserted, replaced: prior?.row_count ?? 0, demo: opts.demo ?? false },
      });
      return { inserted, replaced: prior?.row_count ?? 0 };
    });
    return { file: input.label, kind: load.kind, force, month, rows: facts.rows, inserted: result.inserted, replaced: result.replaced, errors: [], errorCount: 0 };
  } catch (err) {
    if (err instanceof BadRows) return reportProblems();
    throw err;
  }
}

/** Reads the rest of a file for its problems (no output is produced once one is found). */
function drain(load: PoliceFileLoad): void {
  for (let r = load.chunks.next(); !r.done; r = load.chunks.next()) {
    /* keep scanning */
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
