import type { Db } from '../../platform/db/database.js';
import type { EngineKind } from '../../platform/db/engine.js';
import { copyInto } from '../../platform/db/kysely-driver.js';
import type { InputFile } from '../../ingest/files.js';
import type { DistrictLookup } from '../../ingest/police-uk/fields.js';
import * as repo from './police-data.repository.js';
import { readAhead, type ReadFile } from './read-ahead.js';
import type { PoliceDataKind } from './police-data.tables.js';
import { SqlError } from '../../platform/db/sql-error.js';

export interface FileImportSummary {
  file: string;
  kind: PoliceDataKind | null;
  force: string | null;
  month: string | null;
  rows: number;
  inserted: number;
  replaced: number;
  /**
   * Rows the month (kind, force, month) held before this file: 0 when it held none; null when
   * the file was refused before the database was consulted (bad rows, bad header).
   */
  oldRows: number | null;
  /** Rows the file holds, once read through and checked (null as for oldRows). */
  newRows: number | null;
  /** Line 0: about the whole file (unreadable, refused by the database). */
  errors: { line: number; message: string }[];
  errorCount: number;
  /** Counted warnings: the file imported, but these rows deserve a look. */
  warnings: { line: number; count: number; message: string }[];
}

/** The share of a month's rows a new download may lose without --allow-shrink (HUB_IMPORT_MAX_SHRINK). */
export const DEFAULT_MAX_SHRINK = 0.02;

export interface ImportOptions {
  /** Who imports: a user name, or cli:<os user>. */
  by: string;
  forceOverride?: string | undefined;
  /** Demo datasets are tagged so that the first real import can remove them. */
  demo?: boolean;
  /** District lookups for the LAD codes of rows (see loadDistrictLookup). */
  districts: DistrictLookup;
  /** Removes demo data of other modules (boundaries, case records, demo accounts) in the same transaction, audited through `audit`. */
  removeOtherDemoData?: (trx: Db, audit?: ImportOptions['audit']) => Promise<void>;
  /** Records the import in the audit log, inside the file's transaction. */
  audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void>;
  /**
   * How many files load at once, each on its own connection (default 1). On PostgreSQL 2 keeps
   * the server busy while the other file waits on a round trip; PGlite has one connection.
   */
  concurrentFiles?: number;
  /**
   * The largest share of a month's rows a file replacing it may lose (default DEFAULT_MAX_SHRINK):
   * a file with fewer rows is refused (a download cut short), unless `allowShrink`.
   */
  maxShrink?: number;
  allowShrink?: boolean;
  /** Called as work proceeds: the share of all input bytes done (0..1) and rows loaded so far. */
  onProgress?: (p: { file: string; fraction: number; rowsDone: number }) => void;
}

/**
 * How many files to load at once on an engine. PostgreSQL: 3, measured on the nine Kent files on
 * 2 cores with the parsing worker (first import 1: ~800 ms, 3: ~730 ms; later imports 1: ~550 ms,
 * 3: ~500 ms; 4-6 no better). PGlite has one connection.
 */
export const concurrentFilesFor = (engine: EngineKind): number => (engine === 'postgres' ? 3 : 1);

/** Thrown inside the transaction to roll a file back when a bad row turns up mid-load. */
class BadRows extends Error {}

/** Thrown inside the transaction to roll a file back that would shrink the month it replaces too far. */
class Shrinks extends Error {
  constructor(readonly oldRows: number) {
    super('shrinks');
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Imports data.police.uk files. Each file is a snapshot of (kind, force, month) and is
 * imported atomically: a file with any bad row changes nothing and reports its problems;
 * a good file replaces the snapshot it updates, unless it would lose more than `maxShrink` of its
 * rows. One bad file does not stop the others, nor does a file the database refuses.
 * Files are parsed ahead of the database (see readAhead), so parsing overlaps loading, and with
 * `concurrentFiles` > 1 several files load at once, each in its own transaction. Files still
 * take effect in the order given: a file begins only once the one before it holds its snapshot
 * key, so of two downloads of one month the later one wins.
 */
export async function importPoliceFiles(db: Db, inputs: readonly InputFile[], opts: ImportOptions): Promise<FileImportSummary[]> {
  const ids = await repo.nextSnapshotIds(db, inputs.length);
  const reader = readAhead(inputs, ids, { forceOverride: opts.forceOverride, districts: opts.districts });
  const progress = progressOf(inputs, opts.onProgress);
  const summaries: Promise<FileImportSummary>[] = [];
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let turn: Promise<void> = Promise.resolve();
  try {
    for await (const file of reader.files) {
      const previous = turn;
      let onKeyHeld = () => {};
      turn = new Promise<void>((resolve) => (onKeyHeld = resolve));
      const summary = importOne(db, file, opts, previous, onKeyHeld, progress.of(file.input)).finally(onKeyHeld);
      summaries.push(summary);
      const settled: Promise<void> = summary.then(
        (s) => progress.done(file.input, s),
        (error: unknown) => void failures.push(error),
      ).finally(() => running.delete(settled));
      running.add(settled);
      if (running.size >= Math.max(1, opts.concurrentFiles ?? 1)) await Promise.race(running);
      if (failures.length) break;
    }
    await Promise.all(running);
    if (failures.length) throw failures[0];
    const done = await Promise.all(summaries);
    return done;
  } finally {
    await Promise.allSettled(running);
    reader.stop();
  }
}


/** Progress over all files: the share of input bytes done (files in flight count by rows) and rows loaded. */
function progressOf(inputs: readonly InputFile[], report: ImportOptions['onProgress']) {
  const totalBytes = Math.max(1, inputs.reduce((n, f) => n + f.bytes, 0));
  const inFlight = new Map<InputFile, { fraction: number; rows: number }>();
  let bytesDone = 0;
  let rowsDone = 0;
  const emit = (file: InputFile) => {
    let bytes = bytesDone;
    let rows = rowsDone;
    for (const [f, p] of inFlight) {
      bytes += f.bytes * p.fraction;
      rows += p.rows;
    }
    report?.({ file: file.label, fraction: Math.min(1, bytes / totalBytes), rowsDone: rows });
  };
  return {
    of: (file: InputFile) => (fraction: number, rows: number) => {
      inFlight.set(file, { fraction, rows });
      emit(file);
    },
    done(file: InputFile, summary: FileImportSummary) {
      inFlight.delete(file);
      bytesDone += file.bytes;
      rowsDone += summary.errorCount === 0 ? summary.rows : 0;
      emit(file);
    },
  };
}

async function importOne(
  db: Db,
  file: ReadFile,
  opts: ImportOptions,
  previousHoldsKey: Promise<void>,
  onKeyHeld: () => void,
  progress: (fileFraction: number, rows: number) => void,
): Promise<FileImportSummary> {
  const failed = (errors: FileImportSummary['errors'], errorCount: number, rows = 0, counts: { oldRows: number; newRows: number } | null = null): FileImportSummary => ({
    file: file.input.label, kind: null, force: null, month: null, rows, inserted: 0, replaced: 0,
    oldRows: counts?.oldRows ?? null, newRows: counts?.newRows ?? null, errors, errorCount, warnings: [],
  });
  if (!file.ok) return failed([{ line: file.line, message: file.message }], 1);
  const { load, snapshotId, input } = file;
  const chunks = file.chunks[Symbol.asyncIterator]();
  /** Reads the rest of the file: the reader goes on to its end (for its problems, and so the next file can be parsed). */
  const drain = async () => {
    for (let c = await chunks.next(); !c.done; c = await chunks.next()) {
      /* nothing to do with the rows */
    }
  };
  const reportProblems = async () => {
    await drain();
    const errors = [...load.problems.errors].sort((a, b) => a.line - b.line);
    return failed(errors, load.problems.count(), load.facts.rows);
  };

  const first = await chunks.next();
  if (load.problems.count() > 0) return reportProblems();
  if (first.done) return failed([{ line: 2, message: 'no data rows after the header' }], 1);
  const { facts } = load;
  const force = facts.force!;
  const month = facts.month!;

  await previousHoldsKey;
  try {
    const result = await db.transaction().execute(async (trx) => {
      await repo.lockSnapshotKey(trx, load.kind, force, month); // concurrent imports of one month take turns
      onKeyHeld();
      const { prior, demo } = await repo.findPriorAndDemo(trx, load.kind, force, month);
      if (prior) await repo.deleteSnapshotRecord(trx, prior.id);
      if (!opts.demo) {
        const others = demo.filter((d) => d.id !== prior?.id);
        if (others.length) await repo.deleteSnapshots(trx, others);
        if (demo.length) await opts.removeOtherDemoData?.(trx, opts.audit);
      }
      const rest = async function* (): AsyncGenerator<Uint8Array> {
        for (let c: IteratorResult<Uint8Array> = first; !c.done; c = await chunks.next()) {
          if (load.problems.count() > 0) return; // the rest is read after the rollback
          yield c.value;
          progress(Math.min(1, facts.rows / file.expectedRows), facts.rows);
        }
      };
      await copyInto(trx, { table: load.table, columns: load.columns, chunks: rest(), format: load.format });
      if (load.problems.count() > 0) throw new BadRows();
      const maxShrink = opts.maxShrink ?? DEFAULT_MAX_SHRINK;
      if (prior && !prior.is_demo && !opts.allowShrink && facts.rows < prior.row_count * (1 - maxShrink)) throw new Shrinks(prior.row_count);
      await repo.insertSnapshot(trx, {
        id: snapshotId, kind: load.kind, force, month, fallsWithin: facts.fallsWithin, rows: facts.rows,
        noLocationRows: facts.noLocationRows, fileName: input.name, by: opts.by, isDemo: opts.demo ?? false,
      }, load.rollups?.());
      const inserted = prior ? await repo.countNewRows(trx, load.kind, snapshotId, prior.id) : facts.rows;
      if (prior) await repo.deleteSnapshotRows(trx, prior);
      await opts.audit?.(trx, {
        action: prior ? 'replace' : 'import', recordType: 'import_snapshot', recordId: String(snapshotId),
        details: { file: input.name, kind: load.kind, force, month, rows: facts.rows, inserted, replaced: prior?.row_count ?? 0, demo: opts.demo ?? false },
      });
      return { inserted, replaced: prior?.row_count ?? 0 };
    });
    const warnings: FileImportSummary['warnings'] = [];
    if (facts.outsideLsoaRows > 0) {
      warnings.push({
        line: facts.firstOutsideLsoaLine, count: facts.outsideLsoaRows,
        message: `${count(facts.outsideLsoaRows)} ${facts.outsideLsoaRows === 1 ? 'row lies' : 'rows lie'} in LSOAs outside the imported boundaries (first on this line)`,
      });
    }
    return {
      file: input.label, kind: load.kind, force, month, rows: facts.rows, inserted: result.inserted, replaced: result.replaced,
      oldRows: result.replaced, newRows: facts.rows, errors: [], errorCount: 0, warnings,
    };
  } catch (err) {
    if (err instanceof BadRows) return reportProblems();
    if (err instanceof Shrinks) {
      await drain();
      const lost = 1 - facts.rows / err.oldRows;
      const message =
        `the file has ${count(facts.rows)} rows where ${month} held ${count(err.oldRows)} (${(lost * 100).toFixed(1)}% fewer; ` +
        `at most ${+((opts.maxShrink ?? DEFAULT_MAX_SHRINK) * 100).toFixed(2)}% may go): it may have been cut short, so nothing was changed. ` +
        'If the smaller file is right, import it again with --allow-shrink';
      return failed([{ line: facts.lastLine, message }], 1, facts.rows, { oldRows: err.oldRows, newRows: facts.rows });
    }
    if (err instanceof SqlError) {
      // The database refused the rows (a constraint, a trigger, a lost connection): this file
      // changed nothing; the others go on.
      await drain();
      return failed([{ line: 0, message: `the database refused this file, nothing was changed: ${err.message}` }], 1, facts.rows);
    }
    throw err;
  }
}
