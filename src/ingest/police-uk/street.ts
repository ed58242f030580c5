import { csvValue } from '../../platform/db/engine.js';
import type { EastingNorthing } from '../../platform/geo/bng.js';
import { checkLonLat, checkMonth, districtFromLsoaName, type DistrictResolver } from './fields.js';
import { reporterProblem } from './force.js';
import { chunkBuffer, Tally3, type FileFacts, type ForceClaim, type ProblemCollector, type StreetRollups } from './parsed-file.js';

/**
 * COPY columns of incident_row: the 12 published columns in file order (coordinates as scaled
 * integers, see migration 0008), then what we derive.
 */
export const INCIDENT_COPY_COLUMNS = [
  'crime_id', 'month_text', 'reported_by', 'falls_within', 'lon_e6', 'lat_e6', 'location', 'lsoa_code',
  'lsoa_name', 'category', 'outcome', 'context', 'line_no', 'easting_cm', 'northing_cm', 'lad_code', 'district',
  'snapshot_id', 'force', 'month', 'has_location',
] as const;

/** A checked snap point as COPY columns: ",lon_e6,lat_e6" and ",easting_cm,northing_cm". */
export interface GridPoint {
  lonLat: string;
  grid: string;
}

/** Longitude and latitude in millionths of a degree, easting and northing in centimetres. */
export function gridPoint(lon: number, lat: number, en: EastingNorthing): GridPoint {
  return {
    lonLat: `,${Math.round(lon * 1e6)},${Math.round(lat * 1e6)}`,
    grid: `,${Math.round(en.easting * 100)},${Math.round(en.northing * 100)}`,
  };
}

/** An LSOA as seen in one file: its derived columns and its counts by category and outcome. */
interface Place {
  lsoaCode: string;
  lsoaName: string;
  district: string; // '' when unknown
  csv: string; // ",lad_code,district"
  /** Not among the imported LSOA boundaries (see DistrictResolver.outsideLsoas). */
  outside: boolean;
  counts: Map<string, { category: string; outcome: string; n: number }>; // by "category<sep>outcome"
}

/** Places of one street file, keyed by LSOA code; the rollups are summed from them. */
export type StreetTallies = Map<string, Place>;

export const newStreetTallies = (): StreetTallies => new Map();

/** The rollup rows of one street file ('' for no district or LSOA, blank outcome). */
export function streetRollups(places: StreetTallies): StreetRollups {
  const byDistrict = new Tally3();
  const out: StreetRollups = { byDistrict: { district: [], category: [], outcome: [], n: [] }, byLsoa: { district: [], lsoaCode: [], n: [] } };
  for (const p of places.values()) {
    let total = 0;
    for (const { category, outcome, n } of p.counts.values()) {
      byDistrict.add(p.district, category, outcome, n);
      total += n;
    }
    out.byLsoa.district.push(p.district);
    out.byLsoa.lsoaCode.push(p.lsoaCode);
    out.byLsoa.n.push(total);
  }
  for (const [district, category, outcome, n] of byDistrict.entries()) {
    out.byDistrict.district.push(district);
    out.byDistrict.category.push(category);
    out.byDistrict.outcome.push(outcome);
    out.byDistrict.n.push(n);
  }
  return out;
}

export interface AdapterContext {
  snapshotId: number;
  resolver: DistrictResolver;
  /** Forces the user named for the file (--force, the file name): the rows' "Reported by" must agree. */
  claims: readonly ForceClaim[];
  bng: (lon: number, lat: number) => EastingNorthing;
  /**
   * Published "lon,lat" text -> COPY columns of points already checked and converted; share one
   * across the files of an import (months repeat the same snap points).
   */
  gridCache?: Map<string, GridPoint> | undefined;
}

/** A street row as read: the physical line, its fields, and the raw text when unquoted. */
export interface StreetLine {
  line: number;
  fields: string[];
  raw: string | null;
}

const UNIT_SEPARATOR = '\u001f';

/**
 * Validates street (crime and ASB) rows and yields CSV COPY chunks. Each published line is
 * passed through as it is (when unquoted) with derived columns appended. The hot path scans a
 * line for its separators and takes out only the few fields it needs, so it makes few strings:
 * grid references and district codes are cached per distinct value. Quoted records (rare) are
 * joined with a separator that cannot occur in a field and go through the same scan.
 */
export function* streetChunks(
  lines: Iterable<StreetLine>,
  ctx: AdapterContext,
  facts: FileFacts,
  problems: ProblemCollector,
  tallies: StreetTallies,
): Generator<Uint8Array> {
  const out = chunkBuffer();
  const grid = ctx.gridCache ?? new Map<string, GridPoint>(); // "lon<sep>lat" -> COPY columns
  const at = new Int32Array(12); // separator positions
  let okMonth = '';
  let okReporter = '';
  let tail = ''; // ",snapshot,force,month" once force and month are known

  for (const record of lines) {
    const { line } = record;
    facts.rows++;
    facts.lastLine = line;
    let sep = ',';
    let text = record.raw;
    if (text === null) {
      if (record.fields.length !== 12) {
        problems.add(line, `expected 12 columns, found ${record.fields.length}`);
        continue;
      }
      sep = UNIT_SEPARATOR;
      text = record.fields.join(sep);
    }
    let seps = 0;
    for (let i = text.indexOf(sep); i !== -1; i = text.indexOf(sep, i + 1)) {
      if (seps < 12) at[seps] = i;
      seps++;
    }
    if (seps !== 11) {
      problems.add(line, `expected 12 columns, found ${seps + 1}`);
      continue;
    }
    at[11] = text.length;
    // field k spans (at[k-1], at[k]); field 0 starts at 0
    if (!(at[1]! - at[0]! - 1 === okMonth.length && okMonth !== '' && text.startsWith(okMonth, at[0]! + 1))) {
      const m = checkMonth(text.slice(at[0]! + 1, at[1]!));
      if (!m.ok) {
        problems.add(line, m.reason);
        continue;
      }
      facts.month ??= m.value;
      if (m.value !== facts.month) {
        problems.add(line, `Month: ${m.value} differs from the file's month ${facts.month} (a file holds one month)`);
        continue;
      }
      okMonth = m.value;
    }
    let point: GridPoint | null = null;
    if (at[4] === at[3]! + 1 && at[5] === at[4]! + 1) {
      facts.noLocationRows++;
    } else {
      const key = text.slice(at[3]! + 1, at[5]!);
      point = grid.get(key) ?? null;
      if (point === null) {
        const pos = checkLonLat(text.slice(at[3]! + 1, at[4]!), text.slice(at[4]! + 1, at[5]!));
        if (!pos.ok || !pos.value) {
          problems.add(line, pos.ok ? 'Longitude/Latitude: invalid' : pos.reason);
          continue;
        }
        point = gridPoint(pos.value.lon, pos.value.lat, ctx.bng(pos.value.lon, pos.value.lat));
        grid.set(key, point);
      }
    }
    if (at[9] === at[8]! + 1) {
      problems.add(line, 'Crime type: empty');
      continue;
    }
    if (!(at[2]! - at[1]! - 1 === okReporter.length && okReporter !== '' && text.startsWith(okReporter, at[1]! + 1))) {
      const reason = reporterProblem(text.slice(at[1]! + 1, at[2]!), facts, ctx.claims);
      if (reason !== null) {
        problems.add(line, reason);
        continue;
      }
      okReporter = facts.reportedBy!;
    }
    if (at[3] === at[2]! + 1) {
      problems.add(line, 'Falls within: empty');
      continue;
    }
    facts.fallsWithin ??= text.slice(at[2]! + 1, at[3]!);
    if (problems.count() > 0) continue; // keep scanning for problems, stop producing output

    const lsoa = text.slice(at[6]! + 1, at[7]!);
    let place = tallies.get(lsoa);
    const nameLength = at[8]! - at[7]! - 1;
    if (place === undefined || place.lsoaName.length !== nameLength || !text.startsWith(place.lsoaName, at[7]! + 1)) {
      // the same code under another name is kept apart (never seen in published files)
      const lsoaName = text.slice(at[7]! + 1, at[8]!);
      const key = place === undefined ? lsoa : `${lsoa}${UNIT_SEPARATOR}${lsoaName}`;
      place = tallies.get(key);
      if (place === undefined) {
        const district = lsoaName === '' ? null : districtFromLsoaName(lsoaName);
        const lad = lsoa === '' ? null : ctx.resolver.ladCode(lsoa, district);
        place = { lsoaCode: lsoa, lsoaName, district: district ?? '', csv: `,${csvValue(lad)},${csvValue(district)}`, outside: ctx.resolver.outsideLsoas(lsoa), counts: new Map() };
        tallies.set(key, place);
      }
    }
    const kind = text.slice(at[8]! + 1, at[10]!); // "category<sep>outcome"
    const counted = place.counts.get(kind);
    if (counted) counted.n++;
    else place.counts.set(kind, { category: text.slice(at[8]! + 1, at[9]!), outcome: text.slice(at[9]! + 1, at[10]!), n: 1 });

    if (place.outside && point !== null) {
      if (facts.outsideLsoaRows++ === 0) facts.firstOutsideLsoaLine = line;
    }
    if (tail === '') tail = `,${ctx.snapshotId},${csvValue(facts.force)},${facts.month}-01`;
    // The published line, with the coordinates as integers.
    const published = sep === ',' ? (point === null ? text : `${text.slice(0, at[3])}${point.lonLat}${text.slice(at[5])}`) : quotedLine(record.fields, point);
    const chunk = out.push(`${published},${line}${point === null ? ',,' : point.grid}${place.csv}${tail}${point === null ? ',f' : ',t'}\n`);
    if (chunk) yield chunk;
  }
  const rest = out.flush();
  if (rest && problems.count() === 0) yield rest;
}

/** A quoted record as a CSV line, with its coordinates as integers. */
function quotedLine(fields: readonly string[], point: GridPoint | null): string {
  const values = fields.map((v) => (v === '' ? '' : csvValue(v)));
  if (point !== null) values.splice(4, 2, point.lonLat.slice(1));
  return values.join(',');
}
