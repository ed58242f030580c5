import { copyValue as v } from '../../platform/db/engine.js';
import type { CsvRecord } from '../csv/csv.js';
import { checkLonLat, checkMonth, districtFromLsoaName } from './fields.js';
import { reporterProblem } from './force.js';
import { chunkBuffer, type FileFacts, type ProblemCollector } from './parsed-file.js';
import type { AdapterContext } from './street.js';

export const OUTCOME_COLUMNS = [
  'snapshot_id', 'line_no', 'crime_id', 'month', 'reported_by', 'falls_within', 'force', 'longitude', 'latitude',
  'easting', 'northing', 'location', 'lsoa_code', 'lsoa_name', 'district', 'lad_code', 'outcome_type', 'has_location',
] as const;

/** Validates an outcomes file (one row per outcome of a crime) and yields text COPY chunks. */
export function* outcomeChunks(records: Iterable<CsvRecord>, ctx: AdapterContext, facts: FileFacts, problems: ProblemCollector): Generator<Uint8Array> {
  const out = chunkBuffer();
  const sid = String(ctx.snapshotId);

  for (const { line, fields: f } of records) {
    facts.rows++;
    facts.lastLine = line;
    if (f.length !== 10) {
      problems.add(line, `expected 10 columns, found ${f.length}`);
      continue;
    }
    const [crimeId, monthRaw, reportedBy, falls, lonRaw, latRaw, location, lsoaCode, lsoaName, outcomeType] = f as [
      string, string, string, string, string, string, string, string, string, string,
    ];
    const m = checkMonth(monthRaw);
    if (!m.ok) {
      problems.add(line, m.reason);
      continue;
    }
    facts.month ??= m.value;
    if (m.value !== facts.month) {
      problems.add(line, `Month: ${m.value} differs from the file's month ${facts.month} (a file holds one month)`);
      continue;
    }
    const pos = checkLonLat(lonRaw, latRaw);
    if (!pos.ok) {
      problems.add(line, pos.reason);
      continue;
    }
    if (crimeId === '') {
      problems.add(line, 'Crime ID: empty (an outcome belongs to a crime)');
      continue;
    }
    if (outcomeType === '') {
      problems.add(line, 'Outcome type: empty');
      continue;
    }
    if (reportedBy !== facts.reportedBy) {
      const reason = reporterProblem(reportedBy, facts, ctx.claims);
      if (reason !== null) {
        problems.add(line, reason);
        continue;
      }
    }
    if (falls === '') {
      problems.add(line, 'Falls within: empty');
      continue;
    }
    facts.fallsWithin ??= falls;
    const p = pos.value;
    if (!p) facts.noLocationRows++;
    if (problems.count() > 0) continue;
    if (p && ctx.resolver.outsideLsoas(lsoaCode) && facts.outsideLsoaRows++ === 0) facts.firstOutsideLsoaLine = line;
    const en = p ? ctx.bng(p.lon, p.lat) : null;
    const district = lsoaName === '' ? null : districtFromLsoaName(lsoaName);
    const lad = lsoaCode === '' ? null : ctx.resolver.ladCode(lsoaCode, district);
    const n = (s: string) => (s === '' ? '\\N' : v(s));
    const chunk = out.push(
      `${sid}\t${line}\t${n(crimeId)}\t${m.value}-01\t${v(reportedBy)}\t${v(falls)}\t${v(facts.force)}\t` +
        `${p ? p.lon : '\\N'}\t${p ? p.lat : '\\N'}\t${en ? en.easting : '\\N'}\t${en ? en.northing : '\\N'}\t` +
        `${v(location)}\t${n(lsoaCode)}\t${n(lsoaName)}\t${v(district)}\t${v(lad)}\t${v(outcomeType)}\t${p ? 't' : 'f'}\n`,
    );
    if (chunk) yield chunk;
  }
  const rest = out.flush();
  if (rest && problems.count() === 0) yield rest;
}
