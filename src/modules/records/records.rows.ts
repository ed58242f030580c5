/**
 * Pure: one extract row (CSV fields) -> one line of PostgreSQL's text COPY format for the kind's
 * table, or the reason it is refused. Nominal ids never leave this file: they are replaced by
 * their keyed pseudonyms (records.keys.ts) before anything is written.
 */
import { copyValue } from '../../platform/db/engine.js';
import { cachedBngConverter } from '../../platform/geo/bng.js';
import { ageOn, isCalendarDate } from '../../platform/time/london.js';
import {
  ASB_CATEGORIES, LOCATION_TYPES, type AsbCategory, type LocationType, type MappedField, type RecordKind, type RecordsMapping,
} from './records.mapping.js';

export interface RowReject {
  reason: string;
}

export interface RowDeps {
  /** The keyed pseudonym of a records-system nominal id. */
  pseudonymise: (nominalId: string) => string;
  /** The district (local authority name) of an LSOA, when boundaries are imported; null if unknown. */
  districtOfLsoa: (lsoa: string) => string | null;
}

export interface CompiledRows {
  kind: RecordKind;
  table: 'records_crime' | 'records_incident' | 'records_outcome';
  columns: readonly string[];
  /** The COPY line (with its line feed) of a row, or why it is refused. */
  line: (fields: readonly string[], lineNo: number, importId: number) => string | RowReject;
  /** The person keys of the rows converted so far (each once). */
  personKeys: () => ReadonlySet<string>;
}

/** A time after a date: ' 14:05', 'T14:05:00', ' 14:05:00.123'. */
const TIME = /^[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export const TABLE_COLUMNS = {
  crimes: [
    'import_id', 'line_no', 'reference', 'offence_code', 'offence_description', 'committed_from', 'committed_to', 'recorded_on',
    'easting', 'northing', 'lsoa_code', 'district', 'victim_key', 'victim_age_min', 'victim_age_max', 'domestic',
    'location_type', 'weapon', 'knife', 'suspect_keys', 'offender_keys',
  ],
  incidents: [
    'import_id', 'line_no', 'reference', 'recorded_on', 'incident_type', 'asb_category', 'easting', 'northing', 'lsoa_code',
    'district', 'location_type', 'person_keys',
  ],
  outcomes: ['import_id', 'line_no', 'crime_reference', 'outcome_code', 'outcome_description', 'outcome_on', 'person_key', 'district'],
} as const satisfies Record<RecordKind, readonly string[]>;

const TABLES = { crimes: 'records_crime', incidents: 'records_incident', outcomes: 'records_outcome' } as const;

/** Flags when the mapping gives no translation: Y/Yes/True/1 and N/No/False/0, any case; blank is not known. */
const DEFAULT_FLAGS: Readonly<Record<string, boolean>> = { y: true, yes: true, true: true, '1': true, n: false, no: false, false: false, '0': false };

/** LSOA codes of England (E01) and Wales (W01), and the demo's fictional Demoshire (X01). */
const LSOA = /^[EWX]01\d{6}$/;

class Reject {
  constructor(readonly reason: string) {}
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Builds the row converter for a mapping and the header of a file; a string is why the header does not fit. */
export function compileRows(m: RecordsMapping, header: readonly string[], deps: RowDeps): CompiledRows | string {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const name = h.trim();
    if (!index.has(name)) index.set(name, i);
  });
  const col = new Map<MappedField, number>();
  for (const [field, column] of Object.entries(m.columns)) {
    const i = index.get(column);
    if (i === undefined) return `column '${column}' (mapped to ${field}) is not in the header`;
    col.set(field as MappedField, i);
  }
  const { from, to } = m.coverage;
  const sep = m.listSeparator;
  const toBng = cachedBngConverter();
  const keyCache = new Map<string, string>();
  const seenKeys = new Set<string>();
  const keyOf = (nominal: string) => {
    let k = keyCache.get(nominal);
    if (k === undefined) {
      k = deps.pseudonymise(nominal);
      seenKeys.add(k);
      if (keyCache.size < 500_000) keyCache.set(nominal, k);
    }
    return k;
  };
  // Extracts repeat a few thousand dates: each distinct date text is checked once.
  const dateCache = new Map<string, string | null>();
  const dayOf = (head: string): string | null => {
    let d = dateCache.get(head);
    if (d === undefined) {
      const iso = m.dateFormat === 'DD/MM/YYYY' ? (head[2] === '/' && head[5] === '/' ? `${head.slice(6, 10)}-${head.slice(3, 5)}-${head.slice(0, 2)}` : '') : head;
      d = iso.length === 10 && isCalendarDate(iso) ? iso : null;
      if (dateCache.size < 100_000) dateCache.set(head, d);
    }
    return d;
  };

  // Per-row readers; each throws Reject with a reason naming the field.
  let f: readonly string[] = [];
  const raw = (field: MappedField): string => {
    const i = col.get(field);
    return i === undefined ? '' : (f[i] ?? '').trim();
  };
  const text = (field: MappedField, max: number, required = false): string | null => {
    const v = raw(field);
    if (!v) {
      if (required) throw new Reject(`${field} (${m.columns[field]}): missing`);
      return null;
    }
    if (v.length > max) throw new Reject(`${field} (${m.columns[field]}): longer than ${max} characters`);
    return v;
  };
  const dateOf = (field: MappedField, required: boolean): string | null => {
    const v = raw(field);
    if (!v) {
      if (required) throw new Reject(`${field} (${m.columns[field]}): missing`);
      return null;
    }
    const d = dayOf(v.slice(0, 10));
    const rest = v.slice(10);
    if (d === null || (rest !== '' && !TIME.test(rest))) {
      throw new Reject(`${field} (${m.columns[field]}): '${clip(v)}' is not a date (${m.dateFormat}, optionally with a time)`);
    }
    return d;
  };
  const covered = (field: MappedField, d: string) => {
    if (d < from || d > to) throw new Reject(`${field} ${d} is outside the extract's declared coverage ${from} to ${to}`);
  };
  const flag = (field: 'domestic' | 'weapon' | 'knife'): boolean | null => {
    if (!col.has(field)) return null;
    const v = raw(field);
    const map = m.values[field];
    const hit = map ? map[v] : DEFAULT_FLAGS[v.toLowerCase()];
    if (hit !== undefined) return hit;
    if (v === '') return null; // not known: matches neither true nor false (counting rule 5)
    throw new Reject(`${field} (${m.columns[field]}): '${clip(v)}' is not one of ${map ? Object.keys(map).map((k) => `'${k}'`).join(', ') : 'Y, N, Yes, No, True, False, 1, 0'} (or blank)`);
  };
  const locationType = (): LocationType | null => {
    if (!col.has('locationType')) return null;
    const v = raw('locationType');
    const map = m.values.locationType;
    if (map) {
      if (v in map) return map[v]!;
      if (!v) return null;
      throw new Reject(`locationType (${m.columns.locationType}): '${clip(v)}' has no translation in values.locationType`);
    }
    if (!v) return null;
    if ((LOCATION_TYPES as readonly string[]).includes(v)) return v as LocationType;
    throw new Reject(`locationType (${m.columns.locationType}): '${clip(v)}' is not one of ${LOCATION_TYPES.join(', ')} (or translate it in values.locationType)`);
  };
  const asbCategory = (): AsbCategory | null => {
    if (!col.has('asbCategory')) return null;
    const v = raw('asbCategory');
    const map = m.values.asbCategory;
    if (map) {
      if (v in map) return map[v] ?? null;
      if (!v) return null;
      throw new Reject(`asbCategory (${m.columns.asbCategory}): '${clip(v)}' has no translation in values.asbCategory`);
    }
    if (!v) return null;
    const lower = v.toLowerCase();
    if ((ASB_CATEGORIES as readonly string[]).includes(lower)) return lower as AsbCategory;
    throw new Reject(`asbCategory (${m.columns.asbCategory}): '${clip(v)}' is not personal, nuisance or environmental (or translate it in values.asbCategory)`);
  };
  const number = (field: MappedField, min: number, max: number): number | null => {
    const v = raw(field);
    if (!v) return null;
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/.test(v) || n < min || n > max) throw new Reject(`${field} (${m.columns[field]}): '${clip(v)}' is not a number from ${min} to ${max}`);
    return n;
  };
  const place = (): { easting: number | null; northing: number | null; lsoa: string | null } => {
    let easting = number('easting', 0, 700_000);
    let northing = number('northing', 0, 1_300_000);
    if ((easting === null) !== (northing === null)) throw new Reject('easting and northing: give both or neither');
    const lat = number('latitude', 49.8, 60.9);
    const lon = number('longitude', -8.7, 1.8);
    if ((lat === null) !== (lon === null)) throw new Reject('latitude and longitude: give both or neither');
    if (easting === null && lat !== null && lon !== null) ({ easting, northing } = toBng(lon, lat));
    const lsoa = raw('lsoa') || null;
    if (lsoa !== null && !LSOA.test(lsoa)) throw new Reject(`lsoa (${m.columns.lsoa}): '${clip(lsoa)}' is not an LSOA code (E01…, W01…, or the demo's X01…)`);
    return { easting, northing, lsoa };
  };
  const district = (lsoa: string | null, required: boolean): string | null => {
    const d = text('district', 100) ?? m.fixed.district ?? (lsoa ? deps.districtOfLsoa(lsoa) : null);
    if (d === null && required) throw new Reject(`no district: the district is blank${lsoa ? ` and LSOA ${lsoa} is not in the imported boundaries` : ''}`);
    return d;
  };
  const keys = (field: MappedField): string => {
    const v = raw(field);
    if (!v) return '{}';
    const out: string[] = [];
    for (const part of v.split(sep)) {
      const id = part.trim();
      if (id) out.push(keyOf(id));
    }
    return `{${out.join(',')}}`;
  };
  const key = (field: MappedField): string | null => {
    const v = raw(field);
    return v ? keyOf(v) : null;
  };
  const victimAge = (committedFrom: string): [number | null, number | null] => {
    if (col.has('victimAge')) {
      const a = number('victimAge', 0, 130);
      if (a !== null && !Number.isInteger(a)) throw new Reject(`victimAge (${m.columns.victimAge}): '${raw('victimAge')}' is not a whole number`);
      return [a, a];
    }
    if (col.has('victimDateOfBirth')) {
      const dob = dateOf('victimDateOfBirth', false);
      if (dob === null) return [null, null];
      if (dob > committedFrom) throw new Reject(`victimDateOfBirth (${m.columns.victimDateOfBirth}): after the committed-from date ${committedFrom}`);
      const a = ageOn(dob, committedFrom);
      return [a, a];
    }
    if (col.has('victimAgeBand')) {
      const v = raw('victimAgeBand');
      if (!v) return [null, null];
      const band = m.values.victimAgeBand?.[v];
      if (!band) throw new Reject(`victimAgeBand (${m.columns.victimAgeBand}): '${clip(v)}' has no ages in values.victimAgeBand`);
      return band;
    }
    return [null, null];
  };
  const outcomeCode = (): string => {
    const v = text('outcomeCode', 100, true)!;
    const map = m.values.outcomeCode;
    if (!map) {
      if (v.length > 10) throw new Reject(`outcomeCode (${m.columns.outcomeCode}): longer than 10 characters (translate it in values.outcomeCode)`);
      return v;
    }
    const hit = map[v];
    if (hit === undefined) throw new Reject(`outcomeCode (${m.columns.outcomeCode}): '${clip(v)}' has no translation in values.outcomeCode`);
    return hit;
  };

  const v = copyValue;
  const b = (x: boolean | null) => (x === null ? '\\N' : x ? 't' : 'f');
  const builders: Record<RecordKind, (line: number, importId: number) => string> = {
    crimes: (line, importId) => {
      const reference = text('reference', 100, true)!;
      const offenceCode = text('offenceCode', 20, true)!;
      const committedFrom = dateOf('committedFrom', true)!;
      const committedTo = dateOf('committedTo', false);
      if (committedTo !== null && committedTo < committedFrom) throw new Reject(`committedTo ${committedTo} is before committedFrom ${committedFrom}`);
      const recorded = dateOf('recordedDate', true)!;
      covered('recordedDate', recorded);
      const p = place();
      const [ageMin, ageMax] = victimAge(committedFrom);
      return `${importId}\t${line}\t${v(reference)}\t${v(offenceCode)}\t${v(text('offenceDescription', 200))}\t${committedFrom}\t${v(committedTo)}\t${recorded}\t` +
        `${v(p.easting)}\t${v(p.northing)}\t${v(p.lsoa)}\t${v(district(p.lsoa, true))}\t${v(key('victimKey'))}\t${v(ageMin)}\t${v(ageMax)}\t` +
        `${b(flag('domestic'))}\t${v(locationType())}\t${b(flag('weapon'))}\t${b(flag('knife'))}\t${keys('suspectKeys')}\t${keys('offenderKeys')}\n`;
    },
    incidents: (line, importId) => {
      const reference = text('reference', 100, true)!;
      const recorded = dateOf('recordedDate', true)!;
      covered('recordedDate', recorded);
      const type = text('incidentType', 200, true)!;
      const p = place();
      return `${importId}\t${line}\t${v(reference)}\t${recorded}\t${v(type)}\t${v(asbCategory())}\t${v(p.easting)}\t${v(p.northing)}\t` +
        `${v(p.lsoa)}\t${v(district(p.lsoa, true))}\t${v(locationType())}\t${keys('personKeys')}\n`;
    },
    outcomes: (line, importId) => {
      const crimeRef = text('crimeReference', 100, true)!;
      const code = outcomeCode();
      const on = dateOf('outcomeDate', true)!;
      covered('outcomeDate', on);
      return `${importId}\t${line}\t${v(crimeRef)}\t${v(code)}\t${v(text('outcomeDescription', 200))}\t${on}\t${v(key('personKey'))}\t${v(district(null, false))}\n`;
    },
  };
  const build = builders[m.kind];
  const width = header.length;
  return {
    kind: m.kind,
    table: TABLES[m.kind],
    columns: TABLE_COLUMNS[m.kind],
    personKeys: () => seenKeys,
    line(fields, lineNo, importId) {
      if (fields.length !== width) return { reason: `${fields.length} fields where the header has ${width}` };
      f = fields;
      try {
        return build(lineNo, importId);
      } catch (err) {
        if (err instanceof Reject) return { reason: err.reason };
        throw err;
      }
    },
  };
}
