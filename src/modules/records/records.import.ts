/**
 * Imports one extract of a force's records system with its mapping. The same guarantees as the
 * open-data import (police-data/import.service.ts): a file is atomic (any bad row changes
 * nothing, up to 20 problems reported with their physical line, then a count); a re-export
 * replaces exactly what its declared coverage covers; a file that would lose more than the
 * allowed share of the rows it replaces is refused unless `allowShrink` (HUB_IMPORT_MAX_SHRINK,
 * the open-data import's setting); rows go in with COPY on both engines.
 */
import type { Db } from '../../platform/db/database.js';
import { copyInto } from '../../platform/db/kysely-driver.js';
import { SqlError } from '../../platform/db/sql-error.js';
import { AppError } from '../../platform/errors.js';
import { decodeUtf8, parseCsv, scanBadCharacters } from '../../ingest/csv/csv.js';
import type { RecordKind, RecordsMapping } from './records.mapping.js';
import { compileRows } from './records.rows.js';
import { pseudonymiser } from './records.keys.js';
import * as repo from './records.repository.js';

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

export interface RecordsImportSummary {
  file: string;
  kind: RecordKind;
  source: string;
  coverage: { from: string; to: string; extractedOn: string };
  /** The import's id (null when refused). */
  importId: number | null;
  /** Rows the file holds (data rows read, good or bad). */
  rows: number;
  /** Rows the declared coverage held before (real imports; null when refused before the database was consulted). */
  oldRows: number | null;
  /** Rows the file put in their place (null when refused before the file was read through). */
  newRows: number | null;
  /** Demo rows of this kind removed by this first real import. */
  demoRowsRemoved: number;
  /** Earlier imports whose coverage this one took over, wholly or in part. */
  replacedImports: number[];
  /** Person keys never seen before this file. */
  newPersonKeys: number;
  keyFingerprint: string | null;
  /** Line 0: about the whole file. */
  errors: { line: number; message: string }[];
  errorCount: number;
}

export interface RecordsImportOptions {
  /** Who imports: a user name, or cli:<os user>. */
  by: string;
  mapping: RecordsMapping;
  /** The force's records key and its fingerprint (records.keys.ts). */
  key: { key: Buffer; fingerprint: string };
  /** The district of an LSOA from the imported boundaries (null: unknown). */
  districtOfLsoa?: (lsoa: string) => string | null;
  /** The largest share of the rows its coverage held that a re-export may lose: the open-data import's setting, HUB_IMPORT_MAX_SHRINK (config.importMaxShrink). */
  maxShrink: number;
  allowShrink?: boolean;
  /** Generated demo extracts: tagged, and removed (every kind) by the first real extract imported. */
  demo?: boolean;
  /**
   * `db` is a transaction the caller holds (the demo seed): the file is loaded in it, and any
   * refusal throws (an AppError) so that the caller's transaction rolls back.
   */
  inTransaction?: boolean;
  audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void>;
  /** The share of the file done (0..1) and rows read so far. */
  onProgress?: (fraction: number, rows: number) => void;
}

class BadRows extends Error {}
class Shrinks extends Error {
  constructor(readonly oldRows: number) {
    super('shrinks');
  }
}

const n = (x: number) => x.toLocaleString('en-GB');
const CHUNK_CHARS = 1 << 20;

/** Imports one extract (its bytes or text); never throws for a bad file, only for a broken database or a wrong key. */
export async function importRecordsFile(db: Db, file: { label: string; name: string; content: string | Uint8Array }, opts: RecordsImportOptions): Promise<RecordsImportSummary> {
  const m = opts.mapping;
  const problems: { line: number; message: string }[] = [];
  let problemCount = 0;
  const problem = (line: number, message: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ line, message });
  };
  let rows = 0;
  const summary = (over: Partial<RecordsImportSummary> = {}): RecordsImportSummary => ({
    file: file.label, kind: m.kind, source: m.source, coverage: { ...m.coverage }, importId: null, rows,
    oldRows: null, newRows: null, demoRowsRemoved: 0, replacedImports: [], newPersonKeys: 0, keyFingerprint: opts.demo ? null : opts.key.fingerprint,
    errors: [...problems].sort((a, b) => a.line - b.line), errorCount: problemCount, ...over,
  });

  if (!opts.demo) {
    const used = await repo.keyFingerprints(db);
    const other = used.find((fp) => fp !== opts.key.fingerprint);
    if (other) {
      throw new AppError('conflict', `The records key (fingerprint ${opts.key.fingerprint}) is not the one earlier extracts were imported with (fingerprint ${other}): ` +
        'its person keys would match nobody. Point HUB_RECORDS_KEY_FILE at that key; nothing was imported.');
    }
  }

  const text = typeof file.content === 'string' ? file.content : decodeUtf8(file.content, (p) => problem(p.line, p.message));
  const hasQuotes = text.includes('"');
  scanBadCharacters(text, hasQuotes, (p) => problem(p.line, p.message));
  const records = parseCsv(text, (p) => problem(p.line, p.message), hasQuotes);
  const head = records.next();
  if (head.done) return summary({ errors: [{ line: 1, message: 'the file is empty: no header' }], errorCount: 1 });
  const compiled = compileRows(m, head.value.fields, { pseudonymise: pseudonymiser(opts.key.key), districtOfLsoa: opts.districtOfLsoa ?? (() => null) });
  if (typeof compiled === 'string') return summary({ errors: [{ line: 1, message: compiled }], errorCount: 1 });
  if (problemCount > 0) {
    for (const r of records) rows++;
    return summary();
  }

  const importId = await repo.nextImportId(db);
  const totalLines = opts.onProgress ? countLines(text) : 1;
  let lastLine = 1;
  /** COPY chunks of about 1M characters; after the first bad row the rest is only checked. */
  const chunks = function* (): Generator<string> {
    let parts: string[] = [];
    let size = 0;
    let since = 0;
    for (const r of records) {
      rows++;
      lastLine = r.line;
      const out = compiled.line(r.fields, r.line, importId);
      if (typeof out !== 'string') {
        problem(r.line, out.reason);
        continue;
      }
      if (problemCount > 0) continue;
      parts.push(out);
      size += out.length;
      if (size >= CHUNK_CHARS) {
        yield parts.join('');
        parts = [];
        size = 0;
        if (opts.onProgress && ++since >= 4) {
          since = 0;
          opts.onProgress(Math.min(0.99, r.line / totalLines), rows);
        }
      }
    }
    if (parts.length && problemCount === 0) yield parts.join('');
  };

  const inTx = <T>(fn: (trx: Db) => Promise<T>): Promise<T> => (opts.inTransaction ? fn(db) : db.transaction().execute(fn));
  try {
    const result = await inTx(async (trx) => {
      await repo.lockKind(trx, m.kind);
      const { from, to, extractedOn } = m.coverage;
      const demoRowsRemoved = opts.demo ? 0 : await repo.deleteDemoImports(trx);
      const old = await repo.rowsCovered(trx, m.kind, from, to);
      await copyInto(trx, { table: compiled.table, columns: compiled.columns, chunks: chunks(), format: 'text' });
      if (problemCount > 0) throw new BadRows();
      if (rows === 0) throw new BadRows();
      const maxShrink = opts.maxShrink;
      if (!opts.allowShrink && old.real > 0 && rows < old.real * (1 - maxShrink)) throw new Shrinks(old.real);
      await repo.deleteCoveredRows(trx, m.kind, from, to, importId);
      const replacedImports = await repo.subtractCoverage(trx, m.kind, from, to);
      await trx.insertInto('records_import').values({
        id: importId, kind: m.kind, source: m.source, file_name: file.name, covered_from: from, covered_to: to, extracted_on: extractedOn,
        row_count: rows, replaced_rows: old.real + old.demo, key_fingerprint: opts.demo ? null : opts.key.fingerprint, is_demo: opts.demo ?? false, imported_by: opts.by,
      } as never).execute();
      await trx.insertInto('records_coverage').values({ import_id: importId, kind: m.kind, covered_from: from, covered_to: to }).execute();
      const newPersonKeys = await repo.addPersonKeys(trx, compiled.personKeys());
      // Counts and dates only: no reference, nominal id or person key is written to the audit log.
      await opts.audit?.(trx, {
        action: old.real + old.demo > 0 ? 'records.replace' : 'records.import', recordType: 'records_import', recordId: String(importId),
        details: {
          file: file.name, kind: m.kind, source: m.source, coveredFrom: from, coveredTo: to, extractedOn, rows, oldRows: old.real,
          replacedImports, newPersonKeys, keyFingerprint: opts.demo ? null : opts.key.fingerprint, demo: opts.demo ?? false, demoRowsRemoved,
        },
      });
      return { oldRows: old.real, replacedImports, newPersonKeys, demoRowsRemoved };
    });
    opts.onProgress?.(1, rows);
    return summary({ importId, newRows: rows, ...result });
  } catch (err) {
    if (opts.inTransaction && (err instanceof BadRows || err instanceof Shrinks)) {
      throw new AppError('validation', `${file.label}: refused (${problems[0] ? `line ${problems[0].line}: ${problems[0].message}` : 'no rows, or fewer than the rows it replaces'})`);
    }
    if (err instanceof BadRows) {
      // The chunks generator read the file to its end: every problem is counted.
      if (problemCount === 0) return summary({ errors: [{ line: 2, message: 'no data rows after the header' }], errorCount: 1 });
      return summary();
    }
    if (err instanceof Shrinks) {
      const lost = 1 - rows / err.oldRows;
      const message =
        `the file has ${n(rows)} rows where ${m.coverage.from} to ${m.coverage.to} held ${n(err.oldRows)} (${(lost * 100).toFixed(1)}% fewer; ` +
        `at most ${+((opts.maxShrink) * 100).toFixed(2)}% may go): it may have been cut short, so nothing was changed. ` +
        'If the smaller extract is right, import it again with --allow-shrink';
      return summary({ errors: [{ line: lastLine, message }], errorCount: 1, oldRows: err.oldRows, newRows: rows });
    }
    if (err instanceof SqlError) {
      return summary({ errors: [{ line: 0, message: `the database refused this file, nothing was changed: ${err.message}` }], errorCount: 1 });
    }
    throw err;
  }
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
