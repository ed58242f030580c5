import { copyValue as v } from '../../platform/db/engine.js';
import type { CsvRecord } from '../csv/csv.js';
import { checkLonLat, clip } from './fields.js';
import { chunkBuffer, type FileFacts, type ProblemCollector } from './parsed-file.js';
import type { AdapterContext } from './street.js';

export const STOP_SEARCH_COLUMNS = [
  'snapshot_id', 'line_no', 'force', 'month', 'search_type', 'occurred_at', 'part_of_operation', 'operation',
  'latitude', 'longitude', 'easting', 'northing', 'gender', 'age_range', 'self_defined_ethnicity',
  'officer_defined_ethnicity', 'legislation', 'object_of_search', 'outcome', 'outcome_linked_to_object',
  'removal_of_more_than_outer_clothing', 'has_location',
] as const;

const isoDate = /^(\d{4}-(0[1-9]|1[0-2]))-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function bool(raw: string): 't' | 'f' | '\\N' | null {
  const s = raw.toLowerCase();
  if (s === '') return '\\N';
  if (s === 'true') return 't';
  if (s === 'false') return 'f';
  return null;
}

/**
 * Validates a stop-and-search file and yields text COPY chunks. These files have no force
 * column: the force comes from --force or the file name (required).
 */
export function* stopSearchChunks(records: Iterable<CsvRecord>, ctx: AdapterContext, facts: FileFacts, problems: ProblemCollector): Generator<Uint8Array> {
  const out = chunkBuffer();
  const sid = String(ctx.snapshotId);
  const force = facts.force;
  if (!force) problems.add(1, 'force unknown: stop-and-search files have no force column; name the file YYYY-MM-<force>-stop-and-search.csv or pass --force');

  for (const { line, fields: f } of records) {
    facts.rows++;
    facts.lastLine = line;
    if (f.length !== 15) {
      problems.add(line, `expected 15 columns, found ${f.length}`);
      continue;
    }
    const [type, date, partOp, operation, latRaw, lonRaw, gender, age, selfEth, offEth, legislation, object, outcome, linked, removal] =
      f as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
    const d = isoDate.exec(date);
    const time = d ? Date.parse(date) : Number.NaN;
    if (!d || Number.isNaN(time)) {
      problems.add(line, `Date: '${clip(date)}' is not a date and time (ISO 8601)`);
      continue;
    }
    const rowMonth = d[1]!;
    facts.month ??= rowMonth;
    if (rowMonth !== facts.month) {
      problems.add(line, `Date: ${rowMonth} differs from the file's month ${facts.month} (a file holds one month)`);
      continue;
    }
    const pos = checkLonLat(lonRaw, latRaw);
    if (!pos.ok) {
      problems.add(line, pos.reason);
      continue;
    }
    if (type === '') {
      problems.add(line, 'Type: empty');
      continue;
    }
    const flags = [
      ['Part of a policing operation', bool(partOp), partOp],
      ['Outcome linked to object of search', bool(linked), linked],
      ['Removal of more than just outer clothing', bool(removal), removal],
    ] as const;
    const bad = flags.find(([, b]) => b === null);
    if (bad) {
      problems.add(line, `${bad[0]}: '${clip(bad[2])}' is not True or False`);
      continue;
    }
    const p = pos.value;
    if (!p) facts.noLocationRows++;
    if (problems.count() > 0) continue;
    const en = p ? ctx.bng(p.lon, p.lat) : null;
    const n = (s: string) => (s === '' ? '\\N' : v(s));
    const chunk = out.push(
      `${sid}\t${line}\t${v(force)}\t${facts.month}-01\t${v(type)}\t${new Date(time).toISOString()}\t${flags[0][1]}\t${n(operation)}\t` +
        `${p ? p.lat : '\\N'}\t${p ? p.lon : '\\N'}\t${en ? en.easting : '\\N'}\t${en ? en.northing : '\\N'}\t` +
        `${n(gender)}\t${n(age)}\t${n(selfEth)}\t${n(offEth)}\t${n(legislation)}\t${n(object)}\t${n(outcome)}\t` +
        `${flags[1][1]}\t${flags[2][1]}\t${p ? 't' : 'f'}\n`,
    );
    if (chunk) yield chunk;
  }
  const rest = out.flush();
  if (rest && problems.count() === 0) yield rest;
}
