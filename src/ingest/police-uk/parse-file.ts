import { afterFirstLine, decodeUtf8, parseCsv, rawLines, scanBadCharacters, type CsvProblem, type CsvRecord } from '../csv/csv.js';
import type { EastingNorthing } from '../../platform/geo/bng.js';
import { clip, type DistrictResolver } from './fields.js';
import { parseFileName } from './force.js';
import { detectKind } from './headers.js';
import { OUTCOME_COLUMNS, outcomeChunks } from './outcomes.js';
import { newFacts, problemCollector, type ForceClaim, type PoliceFileLoad } from './parsed-file.js';
import { STOP_SEARCH_COLUMNS, stopSearchChunks } from './stop-search.js';
import { INCIDENT_COPY_COLUMNS, newStreetTallies, streetChunks, streetRollups, type GridPoint } from './street.js';

export interface ReadOptions {
  snapshotId: number;
  forceOverride?: string | undefined;
  resolver: DistrictResolver;
  bng: (lon: number, lat: number) => EastingNorthing;
  /** See AdapterContext.gridCache. */
  gridCache?: Map<string, GridPoint> | undefined;
}

/** `expectedRows`: the data lines of the file (for progress). */
export type HeaderCheck = { ok: true; load: PoliceFileLoad; expectedRows: number } | { ok: false; line: number; message: string };

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Opens a data.police.uk CSV (bytes, which must be UTF-8, or text): detects its kind from the
 * header and returns a lazy load of its rows. Rows are validated as chunks are pulled; see
 * PoliceFileLoad. Bytes that are not UTF-8 and characters no published file holds (NUL, a
 * stray byte order mark or carriage return) are problems of their lines.
 */
export function openPoliceCsv(fileName: string, data: string | Uint8Array, opts: ReadOptions): HeaderCheck {
  const problems = problemCollector();
  const early: CsvProblem[] = [];
  const text = typeof data === 'string' ? data : decodeUtf8(data, (p) => early.push(p));
  const hasQuotes = text.includes('"');
  const records = parseCsv(text, (p) => problems.add(p.line, p.message), hasQuotes);
  const first = records.next();
  if (first.done) return { ok: false, line: 1, message: 'empty file: no header row' };
  const header = first.value.fields;
  const kind = detectKind(header);
  if (!kind) {
    return { ok: false, line: first.value.line, message: `unknown header '${clip(header.slice(0, 4).join(','), 60)}': not a data.police.uk street, outcomes or stop-and-search file` };
  }
  const named = parseFileName(fileName);
  if (named && named.kind !== kind) return { ok: false, line: 1, message: `header is a ${kind} file but the file name says ${named.kind}` };
  scanBadCharacters(text, hasQuotes, (p) => early.push(p));
  for (const p of early.sort((a, b) => a.line - b.line)) problems.add(p.line, p.message);
  const claims: ForceClaim[] = [];
  if (opts.forceOverride) claims.push({ force: opts.forceOverride, from: '--force' });
  if (named) claims.push({ force: named.force, from: 'the file name' });
  // Street and outcomes rows name their force ("Reported by"); stop-and-search rows do not.
  const facts = newFacts(kind === 'stop-and-search' ? claims[0]?.force ?? null : null, named?.month ?? null);
  const rest: Iterable<CsvRecord> = { [Symbol.iterator]: () => records };
  const ctx = { snapshotId: opts.snapshotId, resolver: opts.resolver, claims, bng: opts.bng, gridCache: opts.gridCache };
  const expectedRows = Math.max(1, countLines(text) - 1);
  if (kind === 'street') {
    const tallies = newStreetTallies();
    // Quote-free files (all published ones) skip field splitting: the adapter scans raw lines.
    const bodyStart = afterFirstLine(text);
    const lines = !hasQuotes && first.value.line === 1 && bodyStart > 0 ? rawLines(text, bodyStart, 2) : rest;
    return {
      ok: true,
      expectedRows,
      load: {
        kind, table: 'incident_row', columns: INCIDENT_COPY_COLUMNS, format: 'csv', facts, problems,
        chunks: streetChunks(lines, ctx, facts, problems, tallies),
        rollups: () => streetRollups(tallies),
      },
    };
  }
  if (kind === 'outcomes') {
    return { ok: true, expectedRows, load: { kind, table: 'crime_outcome', columns: OUTCOME_COLUMNS, format: 'text', facts, problems, chunks: outcomeChunks(rest, ctx, facts, problems) } };
  }
  return { ok: true, expectedRows, load: { kind, table: 'stop_search', columns: STOP_SEARCH_COLUMNS, format: 'text', facts, problems, chunks: stopSearchChunks(rest, ctx, facts, problems) } };
}
