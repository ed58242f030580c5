import { afterFirstLine, parseCsv, rawLines, type CsvRecord } from '../csv/csv.js';
import type { EastingNorthing } from '../../platform/geo/bng.js';
import type { DistrictResolver } from './fields.js';
import { parseFileName } from './force.js';
import { detectKind } from './headers.js';
import { OUTCOME_COLUMNS, outcomeChunks } from './outcomes.js';
import { newFacts, problemCollector, type PoliceFileLoad } from './parsed-file.js';
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

export type HeaderCheck = { ok: true; load: PoliceFileLoad } | { ok: false; line: number; message: string };

/**
 * Opens a data.police.uk CSV: detects its kind from the header and returns a lazy load of its
 * rows. Rows are validated as chunks are pulled; see PoliceFileLoad.
 */
export function openPoliceCsv(fileName: string, text: string, opts: ReadOptions): HeaderCheck {
  const problems = problemCollector();
  const hasQuotes = text.includes('"');
  const records = parseCsv(text, (p) => problems.add(p.line, p.message), hasQuotes);
  const first = records.next();
  if (first.done) return { ok: false, line: 1, message: 'empty file: no header row' };
  const header = first.value.fields;
  const kind = detectKind(header);
  if (!kind) {
    return { ok: false, line: first.value.line, message: `unknown header '${header.slice(0, 4).join(',')}…': not a data.police.uk street, outcomes or stop-and-search file` };
  }
  const named = parseFileName(fileName);
  if (named && named.kind !== kind) return { ok: false, line: 1, message: `header is a ${kind} file but the file name says ${named.kind}` };
  const facts = newFacts(opts.forceOverride ?? named?.force ?? null, named?.month ?? null);
  const rest: Iterable<CsvRecord> = { [Symbol.iterator]: () => records };
  const ctx = { snapshotId: opts.snapshotId, resolver: opts.resolver, bng: opts.bng, gridCache: opts.gridCache };
  if (kind === 'street') {
    const tallies = newStreetTallies();
    // Quote-free files (all published ones) skip field splitting: the adapter scans raw lines.
    const bodyStart = afterFirstLine(text);
    const lines = !hasQuotes && first.value.line === 1 && bodyStart > 0 ? rawLines(text, bodyStart, 2) : rest;
    return {
      ok: true,
      load: {
        kind, table: 'incident_row', columns: INCIDENT_COPY_COLUMNS, format: 'csv', facts, problems,
        chunks: streetChunks(lines, ctx, facts, problems, tallies),
        rollups: () => streetRollups(tallies),
      },
    };
  }
  if (kind === 'outcomes') {
    return { ok: true, load: { kind, table: 'crime_outcome', columns: OUTCOME_COLUMNS, format: 'text', facts, problems, chunks: outcomeChunks(rest, ctx, facts, problems) } };
  }
  return { ok: true, load: { kind, table: 'stop_search', columns: STOP_SEARCH_COLUMNS, format: 'text', facts, problems, chunks: stopSearchChunks(rest, ctx, facts, problems) } };
}
