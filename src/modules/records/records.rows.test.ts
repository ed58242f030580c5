import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ratePer1000, victimAgeMatches } from './records.counting.js';
import { exampleFiles } from './records.example.js';
import { uncovered } from './records.figures.js';
import { personKey, recordsKeyFingerprint } from './records.keys.js';
import { parseMapping, readMappingFile, type RecordsMapping } from './records.mapping.js';
import { compileRows, type CompiledRows } from './records.rows.js';

const base = {
  version: 1, kind: 'crimes', source: 'Test export',
  coverage: { from: '2025-01-01', to: '2025-12-31', extractedOn: '2026-01-05' },
  columns: { reference: 'Ref', offenceCode: 'HO', committedFrom: 'From', recordedDate: 'Rec', district: 'LA' },
};
const deps = { pseudonymise: (id: string) => `key(${id})`, districtOfLsoa: (l: string) => (l === 'E01000001' ? 'Thanet' : null) };

function compile(over: Record<string, unknown>, header: string[]): CompiledRows {
  const m = parseMapping({ ...base, ...over });
  const c = compileRows(m, header, deps);
  if (typeof c === 'string') throw new Error(c);
  return c;
}
/** The COPY line's fields (tab-separated, line feed dropped), or the reason. */
function row(c: CompiledRows, fields: string[]): string[] | string {
  const out = c.line(fields, 7, 1);
  return typeof out === 'string' ? out.slice(0, -1).split('\t') : out.reason;
}
const col = (c: CompiledRows, name: string, fields: string[] | string) => (typeof fields === 'string' ? fields : fields[c.columns.indexOf(name)]);

describe('mapping files', () => {
  it('parses the worked example (YAML and JSON) and names the field of a mistake', () => {
    const dir = path.resolve('docs/examples/force-records');
    expect(readMappingFile(path.join(dir, 'crimes.mapping.yaml')).values.locationType?.DWEL).toBe('home');
    expect(readMappingFile(path.join(dir, 'outcomes.mapping.json')).values.outcomeCode?.OC22).toBe('22');
    expect(() => parseMapping({ ...base, columns: { ...base.columns, reference: undefined } })).toThrow(/^mapping: columns\.reference: /);
    expect(() => parseMapping({ ...base, columns: { ...base.columns, shoeSize: 'X' } })).toThrow(/columns\.shoeSize: not a field of crimes extracts/);
    expect(() => parseMapping({ ...base, coverage: { ...base.coverage, to: '2024-12-31' } })).toThrow(/coverage\.to: from must not be after to/);
    expect(() => parseMapping({ ...base, columns: { ...base.columns, easting: 'E' } })).toThrow(/easting and northing go together/);
    expect(() => parseMapping({ ...base, columns: { ...base.columns, victimAge: 'A', victimDateOfBirth: 'D' } })).toThrow(/map one of victimAge, victimDateOfBirth, victimAgeBand/);
    expect(() => parseMapping({ ...base, columns: { ...base.columns, victimAgeBand: 'B' } })).toThrow(/values\.victimAgeBand: give the ages of each band/);
    expect(() => parseMapping({ ...base, columns: { ...base.columns, offenceDescription: 'HO' } })).toThrow(/column 'HO' is mapped to offenceCode already/);
    expect(() => parseMapping({ ...base, columns: { reference: 'Ref', offenceCode: 'HO', committedFrom: 'From', recordedDate: 'Rec' } })).toThrow(/map district or lsoa/);
  });

  it('the committed example files are what the generator writes (byte for byte), labelled synthetic', () => {
    const dir = path.resolve('docs/examples/force-records');
    const files = exampleFiles();
    expect(fs.readdirSync(dir).filter((f) => f !== 'README.md').sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, name), 'utf8'), name).toBe(text);
    for (const name of ['crimes.mapping.yaml', 'incidents.mapping.yaml']) expect((parseYaml(files[name]!) as RecordsMapping).source).toMatch(/SYNTHETIC/);
  });
});

describe('row conversion', () => {
  const header = ['Ref', 'HO', 'From', 'Rec', 'LA', 'DOB', 'Dom', 'Knife'];
  const c = compile({ dateFormat: 'DD/MM/YYYY', columns: { ...base.columns, victimDateOfBirth: 'DOB', domestic: 'Dom', knife: 'Knife' } }, header);
  const r = (over: Partial<Record<(typeof header)[number], string>>) => {
    const v = { Ref: 'C1', HO: '008/06', From: '01/03/2025 23:59', Rec: '02/03/2025', LA: 'Thanet', DOB: '', Dom: 'Y', Knife: 'n', ...over };
    return row(c, header.map((h) => v[h as keyof typeof v]));
  };

  it('takes the age on the committed-from date from a date of birth (the birthday itself counts; 29 February on 1 March)', () => {
    expect(col(c, 'victim_age_min', r({ DOB: '01/03/2001' }))).toBe('24');
    expect(col(c, 'victim_age_max', r({ DOB: '02/03/2001' }))).toBe('23');
    expect(col(c, 'victim_age_min', r({ DOB: '29/02/2004', From: '28/02/2025' }))).toBe('20');
    expect(col(c, 'victim_age_min', r({ DOB: '29/02/2004', From: '01/03/2025' }))).toBe('21');
    expect(col(c, 'victim_age_min', r({ DOB: '' }))).toBe('\\N');
    expect(r({ DOB: '03/03/2025' })).toBe('victimDateOfBirth (DOB): after the committed-from date 2025-03-01');
    expect(r({ DOB: '1990-01-01' })).toBe("victimDateOfBirth (DOB): '1990-01-01' is not a date (DD/MM/YYYY, optionally with a time)");
  });

  it('reads Y/N flags (any case; blank is not known) and refuses other values', () => {
    expect(col(c, 'domestic', r({ Dom: 'Y' }))).toBe('t');
    expect(col(c, 'domestic', r({ Dom: 'no' }))).toBe('f');
    expect(col(c, 'domestic', r({ Dom: '' }))).toBe('\\N');
    expect(col(c, 'knife', r({ Knife: 'TRUE' }))).toBe('t');
    expect(r({ Dom: 'maybe' })).toBe("domestic (Dom): 'maybe' is not one of Y, N, Yes, No, True, False, 1, 0 (or blank)");
  });

  it('keeps dates inside the declared coverage and the other rules of a row', () => {
    expect(col(c, 'recorded_on', r({}))).toBe('2025-03-02');
    expect(r({ Rec: '31/12/2024' })).toBe("recordedDate 2024-12-31 is outside the extract's declared coverage 2025-01-01 to 2025-12-31");
    expect(r({ Rec: '01/01/2026 00:00' })).toBe("recordedDate 2026-01-01 is outside the extract's declared coverage 2025-01-01 to 2025-12-31");
    expect(r({ Ref: '' })).toBe('reference (Ref): missing');
    expect(row(c, ['C1', '008/06'])).toBe('2 fields where the header has 8');
    // A committed-from date before the coverage is fine: coverage is about the recorded date.
    expect(col(c, 'committed_from', r({ From: '30/12/2024' }))).toBe('2024-12-30');
  });

  it('turns age bands into ages from the mapping and refuses a band it lacks', () => {
    const b = compile({ columns: { ...base.columns, victimAgeBand: 'Band' }, values: { victimAgeBand: { '18-24': [18, 24], '65+': [65, 130] } } }, ['Ref', 'HO', 'From', 'Rec', 'LA', 'Band']);
    const out = row(b, ['C1', '8', '2025-02-01', '2025-02-01', 'Thanet', '18-24']);
    expect([col(b, 'victim_age_min', out), col(b, 'victim_age_max', out)]).toEqual(['18', '24']);
    expect(row(b, ['C1', '8', '2025-02-01', '2025-02-01', 'Thanet', '25-34'])).toBe("victimAgeBand (Band): '25-34' has no ages in values.victimAgeBand");
    expect(col(b, 'victim_age_min', row(b, ['C1', '8', '2025-02-01', '2025-02-01', 'Thanet', '']))).toBe('\\N');
  });

  it('replaces nominal ids with their keys (several in one cell), finds the district of an LSOA, converts latitude/longitude', () => {
    const k = compile(
      { columns: { reference: 'Ref', offenceCode: 'HO', committedFrom: 'From', recordedDate: 'Rec', lsoa: 'LSOA', latitude: 'Lat', longitude: 'Lon', offenderKeys: 'Off', victimKey: 'V' } },
      ['Ref', 'HO', 'From', 'Rec', 'LSOA', 'Lat', 'Lon', 'Off', 'V'],
    );
    const out = row(k, ['C1', '8', '2025-02-01', '2025-02-01', 'E01000001', '51.3', '1.4', 'N1; N2;', 'N3']);
    expect(col(k, 'offender_keys', out)).toBe('{key(N1),key(N2)}');
    expect(col(k, 'victim_key', out)).toBe('key(N3)');
    expect(col(k, 'district', out)).toBe('Thanet');
    expect(Number(col(k, 'easting', out))).toBeGreaterThan(630_000);
    expect(row(k, ['C1', '8', '2025-02-01', '2025-02-01', 'E01999999', '', '', '', ''])).toBe('no district: the district is blank and LSOA E01999999 is not in the imported boundaries');
    expect(row(k, ['C1', '8', '2025-02-01', '2025-02-01', 'E01000001', '51.3', '', '', ''])).toBe('latitude and longitude: give both or neither');
    expect(row(k, ['C1', '8', '2025-02-01', '2025-02-01', 'ZZ', '', '', '', ''])).toBe("lsoa (LSOA): 'ZZ' is not an LSOA code (E01…, W01…, or the demo's X01…)");
  });

  it('translates location types, ASB categories and outcome codes through the mapping', () => {
    const i = compile({ kind: 'incidents', columns: { reference: 'Ref', recordedDate: 'Rec', incidentType: 'T', asbCategory: 'A', locationType: 'L', district: 'LA' }, values: { asbCategory: { PER: 'personal', '': null }, locationType: { DWEL: 'home' } } }, ['Ref', 'Rec', 'T', 'A', 'L', 'LA']);
    const ok = row(i, ['I1', '2025-05-05', 'ASB', 'PER', 'DWEL', 'Thanet']);
    expect([col(i, 'asb_category', ok), col(i, 'location_type', ok)]).toEqual(['personal', 'home']);
    expect(col(i, 'asb_category', row(i, ['I1', '2025-05-05', 'Concern', '', '', 'Thanet']))).toBe('\\N');
    expect(row(i, ['I1', '2025-05-05', 'ASB', 'XYZ', '', 'Thanet'])).toBe("asbCategory (A): 'XYZ' has no translation in values.asbCategory");
    const o = compile({ kind: 'outcomes', columns: { crimeReference: 'Ref', outcomeCode: 'C', outcomeDate: 'D' }, values: { outcomeCode: { OC22: '22' } } }, ['Ref', 'C', 'D']);
    expect(col(o, 'outcome_code', row(o, ['C1', 'OC22', '2025-06-01']))).toBe('22');
    expect(row(o, ['C1', 'OC99', '2025-06-01'])).toBe("outcomeCode (C): 'OC99' has no translation in values.outcomeCode");
  });

  it('says which mapped column a header lacks', () => {
    expect(compileRows(parseMapping(base), ['Ref', 'HO', 'From', 'Rec'], deps)).toBe("column 'LA' (mapped to district) is not in the header");
  });
});

describe('keys and counting rules (pure)', () => {
  it('a person key is HMAC-SHA256 of the trimmed nominal id: same id and key, same key; another key, another', () => {
    const k1 = Buffer.from('a'.repeat(32));
    const k2 = Buffer.from('b'.repeat(32));
    expect(personKey(k1, 'N123')).toBe(personKey(k1, ' N123 '));
    expect(personKey(k1, 'N123')).toMatch(/^[0-9a-f]{64}$/);
    expect(personKey(k1, 'N123')).not.toBe(personKey(k2, 'N123'));
    expect(personKey(k1, 'N123')).not.toBe(personKey(k1, 'N124'));
    // Known value: HMAC-SHA256('aaaa…' (32), 'N123'), computed independently with openssl.
    expect(personKey(k1, 'N123')).toBe(KNOWN_HMAC);
    expect(recordsKeyFingerprint(k1)).toMatch(/^[0-9a-f]{16}$/);
    expect(recordsKeyFingerprint(k1)).not.toBe(recordsKeyFingerprint(k2));
  });

  it('an age band matches an age filter only when it lies wholly inside it; unknown ages never match', () => {
    expect(victimAgeMatches(18, 24, { max: 24 })).toBe(true);
    expect(victimAgeMatches(20, 29, { max: 24 })).toBe(false);
    expect(victimAgeMatches(20, 29, { min: 25 })).toBe(false);
    expect(victimAgeMatches(24, 24, { max: 24 })).toBe(true);
    expect(victimAgeMatches(25, 25, { max: 24 })).toBe(false);
    expect(victimAgeMatches(null, null, { max: 24 })).toBe(false);
    expect(victimAgeMatches(null, null, {})).toBe(true);
  });

  it('rates per 1,000 to one decimal place, none without a population', () => {
    expect(ratePer1000(3, 2000)).toBe(1.5);
    expect(ratePer1000(1, 3)).toBe(333.3);
    expect(ratePer1000(0, 10)).toBe(0);
    expect(ratePer1000(5, 0)).toBeNull();
    expect(ratePer1000(5, null)).toBeNull();
  });

  it('finds the days of a period no extract covers', () => {
    expect(uncovered([], '2025-01-01', '2025-01-31')).toEqual([{ from: '2025-01-01', to: '2025-01-31' }]);
    expect(uncovered([{ from: '2024-12-01', to: '2025-02-01' }], '2025-01-01', '2025-01-31')).toEqual([]);
    expect(uncovered([{ from: '2025-01-10', to: '2025-01-12' }, { from: '2025-01-01', to: '2025-01-05' }], '2025-01-01', '2025-01-31')).toEqual([
      { from: '2025-01-06', to: '2025-01-09' }, { from: '2025-01-13', to: '2025-01-31' },
    ]);
    expect(uncovered([{ from: '2025-01-01', to: '2025-01-20' }, { from: '2025-01-05', to: '2025-01-10' }], '2025-01-01', '2025-01-20')).toEqual([]);
  });
});

const KNOWN_HMAC = 'd4d5f10082702e710cd24689009b099a13309cff7417670047b7f760f22a319b';
