/**
 * A force's own records on both engines: the worked example (docs/examples/force-records/)
 * imported and counted, checked against a recount written independently here; bad rows,
 * coverage, re-exports, the shrink guard, person keys, audited linking, outcomes linked to
 * people and crimes, and the population import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { countCrimes, asbIncidentsByCategory, outcomesForKeys, populationIn, rankOffenderKeys } from './records.counting.js';
import { importRecordsFile, type RecordsImportOptions } from './records.import.js';
import { personKey, recordsKeyFingerprint } from './records.keys.js';
import { readMappingFile, type RecordsMapping } from './records.mapping.js';
import { importPopulationFile } from './records.population.js';
import { coverage, linkPersonKey, keysOfPerson, unlinkPersonKey } from './records.service.js';

const EXAMPLE = path.resolve('docs/examples/force-records');
const KEY = Buffer.from('test-records-key-0123456789abcdef0123456789', 'utf8');
const key = { key: KEY, fingerprint: recordsKeyFingerprint(KEY) };
const ALL = { kind: 'all' } as const;

// ---- the independent recount: plain string handling, no code from src/ ----
interface Row { [column: string]: string }
/** Fields of a line: commas split, except inside a double-quoted field (the example has no quotes inside quotes or line breaks in fields). */
function split(l: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of l) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
function readCsv(text: string): Row[] {
  const [head, ...lines] = text.split('\n').filter((l) => l !== '');
  const cols = head!.split(',');
  return lines.map((l) => {
    const f = split(l);
    expect(f.length, l).toBe(cols.length);
    return Object.fromEntries(f.map((v, i) => [cols[i]!, v]));
  });
}
const iso = (dmy: string) => `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
function age(dob: string, on: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}
const distinct = (xs: string[]) => new Set(xs).size;

describe('force records: import and counting', () => {
  let t: TestDatabase;
  const files = Object.fromEntries(['crimes.csv', 'incidents.csv', 'outcomes.csv', 'population.csv'].map((f) => [f, fs.readFileSync(path.join(EXAMPLE, f), 'utf8')]));
  const mappings = {
    crimes: readMappingFile(path.join(EXAMPLE, 'crimes.mapping.yaml')),
    incidents: readMappingFile(path.join(EXAMPLE, 'incidents.mapping.yaml')),
    outcomes: readMappingFile(path.join(EXAMPLE, 'outcomes.mapping.json')),
  };
  const crimeRows = readCsv(files['crimes.csv']!);
  const ctx = () => makeContext({ db: t.handle.db, auditKey: t.auditKey, actor: { kind: 'cli', name: 'test' }, scope: ALL, now: () => new Date('2026-02-01T12:00:00Z') });
  const opts = (mapping: RecordsMapping, over: Partial<RecordsImportOptions> = {}): RecordsImportOptions => ({
    by: 'cli:test', mapping, key, maxShrink: 0.02, audit: async (trx, e) => { await ctx().audit(trx, e); }, ...over,
  });
  const load = (name: string, content: string, mapping: RecordsMapping, over: Partial<RecordsImportOptions> = {}) =>
    importRecordsFile(t.handle.db, { label: name, name, content }, opts(mapping, over));
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(t.handle.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('imports the worked example: each kind with oldRows 0 and newRows the file rows', async () => {
    for (const kind of ['crimes', 'incidents', 'outcomes'] as const) {
      const s = await load(`${kind}.csv`, files[`${kind}.csv`]!, mappings[kind]);
      expect(s.errors, kind).toEqual([]);
      expect(s.oldRows).toBe(0);
      expect(s.newRows).toBe(readCsv(files[`${kind}.csv`]!).length);
      expect(s.keyFingerprint).toBe(key.fingerprint);
    }
    expect(await count('records_crime')).toBe(crimeRows.length);
    const c = await coverage(ctx());
    expect(c.coverage.map((p) => [p.kind, p.from, p.to])).toEqual([
      ['crimes', '2024-01-01', '2025-12-31'], ['incidents', '2024-01-01', '2025-12-31'], ['outcomes', '2024-01-01', '2026-01-04'],
    ]);
    const audit = await sql<{ action: string; details: Record<string, unknown> }>`select action, details from audit_log where action = 'records.import' order by id`.execute(t.handle.db);
    expect(audit.rows).toHaveLength(3);
    // Nothing personal is logged: no reference, nominal id or person key in the audit details.
    const text = JSON.stringify(audit.rows);
    expect(text).not.toMatch(/N1\d{7}|EX\/|[0-9a-f]{64}/);
  });

  it('counts crimes as the independent recount does (recorded date, crime once, victims, age on the committed-from date, outside the home, domestic)', async () => {
    const inQ = (r: Row, from: string, to: string) => iso(r.CreatedDate!) >= from && iso(r.CreatedDate!) <= to;
    const all = await countCrimes(t.handle.db, { from: '2024-01-01', to: '2025-12-31' }, ALL);
    expect(all[0]!.count).toBe(distinct(crimeRows.map((r) => r.CrimeRef!)));
    const victims = await countCrimes(t.handle.db, { from: '2024-01-01', to: '2025-12-31' }, ALL, 'victims');
    expect(victims[0]!.count).toBe(crimeRows.length); // each row is a distinct victim (or a row without one)
    expect(victims[0]!.count).toBeGreaterThan(all[0]!.count);

    // "Under 25, violence outside the home, July-September 2025": the report's measure.
    const violent = ['008/06', '105/01', '005/01', '034/01'];
    const q3 = crimeRows.filter((r) => inQ(r, '2025-07-01', '2025-09-30'));
    const expected = distinct(q3.filter((r) => violent.includes(r.HOCode!) && r.VictimDOB !== '' && age(iso(r.VictimDOB!), iso(r.FirstCommitted!)) <= 24 && r.LocationCode !== 'DWEL').map((r) => r.CrimeRef!));
    expect(expected).toBeGreaterThan(0);
    const got = await countCrimes(t.handle.db, { from: '2025-07-01', to: '2025-09-30', offenceCode: violent, victimAgeMax: 24, notLocationType: ['home'] }, ALL);
    expect(got[0]!.count).toBe(expected);

    const domestic = await countCrimes(t.handle.db, { from: '2024-01-01', to: '2025-12-31', domestic: true }, ALL);
    expect(domestic[0]!.count).toBe(distinct(crimeRows.filter((r) => r.DomesticFlag === 'Y').map((r) => r.CrimeRef!)));
    const notDomestic = await countCrimes(t.handle.db, { from: '2024-01-01', to: '2025-12-31', domestic: false }, ALL);
    expect(notDomestic[0]!.count).toBe(distinct(crimeRows.filter((r) => r.DomesticFlag === 'N').map((r) => r.CrimeRef!)));

    const byDistrict = await countCrimes(t.handle.db, { from: '2024-01-01', to: '2025-12-31' }, ALL, 'crimes', 'district');
    expect(byDistrict).toEqual(['Ambermere', 'Brackenholt'].map((d) => ({ key: d, count: distinct(crimeRows.filter((r) => r.LocalAuthority === d).map((r) => r.CrimeRef!)) })));
    // Scope: an officer of Ambermere counts only Ambermere.
    const officer = await countCrimes(t.handle.db, { from: '2024-01-01', to: '2025-12-31' }, { kind: 'districts', districts: ['ambermere'] });
    expect(officer[0]!.count).toBe(byDistrict[0]!.count);
  });

  it('counts ASB incidents by category as the recount does', async () => {
    const rows = readCsv(files['incidents.csv']!);
    const got = await asbIncidentsByCategory(t.handle.db, { from: '2025-01-01', to: '2025-12-31' }, ALL);
    const in2025 = rows.filter((r) => iso(r.CreatedDate!).startsWith('2025'));
    expect(got).toEqual({
      personal: in2025.filter((r) => r.ASBType === 'PER').length,
      nuisance: in2025.filter((r) => r.ASBType === 'NUI').length,
      environmental: in2025.filter((r) => r.ASBType === 'ENV').length,
    });
  });

  it('links outcomes to the person (the same key as the crime\'s offender) and to the crime, as at the extract date', async () => {
    const outcomes = readCsv(files['outcomes.csv']!);
    const joined = await sql<{ n: number; matched: number }>`
      select count(*)::int8 as n, count(*) filter (where exists (
        select 1 from records_crime c where c.reference = o.crime_reference and o.person_key = any(c.offender_keys)))::int8 as matched
      from records_outcome o`.execute(t.handle.db);
    expect(Number(joined.rows[0]!.n)).toBe(outcomes.length);
    expect(Number(joined.rows[0]!.matched)).toBe(outcomes.length);
    const nominal = outcomes[0]!.OffenderNominal!;
    const mine = outcomes.filter((o) => o.OffenderNominal === nominal);
    const r = await outcomesForKeys(t.handle.db, [personKey(KEY, nominal)], { from: '2024-01-01', to: '2026-01-04' }, ALL);
    expect(r.asAt).toBe('2026-01-05');
    expect(r.outcomes.map((o) => o.crimeReference).sort()).toEqual(mine.map((o) => o.CrimeRef!).sort());
    expect(r.outcomes.find((o) => o.crimeReference === mine[0]!.CrimeRef)!.outcomeCode).toBe(mappings.outcomes.values.outcomeCode![mine[0]!.OutcomeCode!]);
    // Top offenders come from the offender keys: the first has the recount's number of crimes.
    const ranked = await rankOffenderKeys(t.handle.db, { from: '2024-01-01', to: '2025-12-31' }, ALL, 3);
    const perNominal = new Map<string, Set<string>>();
    for (const c of crimeRows) for (const o of c.OffenderNominals!.split(';').filter(Boolean)) perNominal.set(o, (perNominal.get(o) ?? new Set()).add(c.CrimeRef!));
    expect(ranked[0]!.crimes).toBe(Math.max(...[...perNominal.values()].map((s) => s.size)));
  });

  it('stores people only as keyed pseudonyms: same nominal id and key give the same key, another key another', async () => {
    const row = crimeRows.find((r) => r.VictimNominal !== '')!;
    const stored = await sql<{ victim_key: string }>`select victim_key from records_crime where reference = ${row.CrimeRef} and victim_key is not null limit 1`.execute(t.handle.db);
    const candidates = crimeRows.filter((r) => r.CrimeRef === row.CrimeRef).map((r) => personKey(KEY, r.VictimNominal!));
    expect(candidates).toContain(stored.rows[0]!.victim_key);
    expect(personKey(KEY, row.VictimNominal!)).toBe(personKey(KEY, ` ${row.VictimNominal!} `));
    expect(personKey(Buffer.from('another-records-key-0123456789abcdef0123', 'utf8'), row.VictimNominal!)).not.toBe(personKey(KEY, row.VictimNominal!));
    const leaked = await sql<{ n: number }>`select count(*)::int8 as n from records_crime where victim_key like 'N%' or array_to_string(offender_keys, ',') like '%N1%'`.execute(t.handle.db);
    expect(Number(leaked.rows[0]!.n)).toBe(0);
    const keys = await count('records_person_key');
    const nominals = new Set<string>();
    for (const r of crimeRows) for (const n of [r.VictimNominal!, ...r.SuspectNominals!.split(';'), ...r.OffenderNominals!.split(';')]) if (n) nominals.add(n);
    for (const r of readCsv(files['incidents.csv']!)) for (const n of r.Nominals!.split(';')) if (n) nominals.add(n);
    for (const r of readCsv(files['outcomes.csv']!)) nominals.add(r.OffenderNominal!);
    expect(keys).toBe(nominals.size);
  });

  it('refuses an import under another records key (its person keys would match nobody)', async () => {
    const other = Buffer.from('another-records-key-0123456789abcdef0123', 'utf8');
    await expect(load('x.csv', files['crimes.csv']!, mappings.crimes, { key: { key: other, fingerprint: recordsKeyFingerprint(other) } })).rejects.toThrow(/not the one earlier extracts were imported with/);
  });

  it('links a person record to a key (audited, without the nominal id), refuses a second person, unlinks', async () => {
    const db = t.handle.db;
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(db);
    const ids = (await sql<{ id: number }>`insert into person (given_name, family_name, recorded_district, owning_agency_id, created_by)
      select 'Robin', x, 'Ambermere', (select id from partner_agency where name = 'Kent Police'), 'cli:test' from (values ('Records'), ('Other')) v(x) returning id`.execute(db)).rows.map((r) => Number(r.id));
    const nominal = readCsv(files['outcomes.csv']!)[0]!.OffenderNominal!;
    const k = personKey(KEY, nominal);
    const linked = await linkPersonKey(ctx(), ids[0]!, k);
    expect(linked.rows.outcomes).toBeGreaterThan(0);
    const audit = (await sql<{ action: string; record_id: string; details: Record<string, unknown> }>`select action, record_id, details from audit_log where action like 'records.link%' order by id`.execute(db)).rows;
    expect(audit).toEqual([{ action: 'records.link', record_id: String(ids[0]), details: { keyPrefix: k.slice(0, 8), rows: linked.rows, personIds: [ids[0]] } }]);
    expect(JSON.stringify(audit)).not.toContain(nominal);
    await expect(linkPersonKey(ctx(), ids[1]!, k)).rejects.toThrow(/linked to person/);
    const keys = await keysOfPerson(ctx(), ids[0]!);
    expect(keys.keys.map((x) => x.key)).toEqual([k]);
    const ranked = await rankOffenderKeys(db, { from: '2024-01-01', to: '2025-12-31' }, ALL, 500);
    expect(ranked.find((r) => r.personKey === k)?.personId).toBe(ids[0]);
    await expect(linkPersonKey(ctx(), ids[0]!, 'not-a-key')).rejects.toThrow(/64 hexadecimal digits/);
    await unlinkPersonKey(ctx(), k);
    expect((await keysOfPerson(ctx(), ids[0]!)).keys).toEqual([]);
  });

  it('reports bad rows as line: reason (20 listed, then a count) and writes nothing', async () => {
    const before = { rows: await count('records_crime'), imports: await count('records_import'), audit: await count('audit_log') };
    const lines = files['crimes.csv']!.split('\n');
    const bad = [...lines];
    const set = (i: number, col: number, v: string) => {
      const f = bad[i]!.split(',');
      f[col] = v;
      bad[i] = f.join(',');
    };
    set(2, 12, 'maybe'); // line 3: a domestic flag outside the mapping
    for (let i = 10; i < 34; i++) set(i, 3, ' 31/02/2025 10:00'); // lines 11-34: not a date
    const s = await load('crimes.csv', bad.join('\n'), mappings.crimes);
    expect(s.errorCount).toBe(25);
    expect(s.errors).toHaveLength(20);
    expect(s.errors[0]).toEqual({ line: 3, message: "domestic (DomesticFlag): 'maybe' is not one of 'Y', 'N' (or blank)" });
    expect(s.errors[1]).toEqual({ line: 11, message: "committedFrom (FirstCommitted): '31/02/2025 10:00' is not a date (DD/MM/YYYY, optionally with a time)" });
    expect(s.importId).toBeNull();
    expect({ rows: await count('records_crime'), imports: await count('records_import'), audit: await count('audit_log') }).toEqual(before);
  });

  it('refuses a row outside the declared coverage, and a header without a mapped column', async () => {
    const q4 = { ...mappings.crimes, coverage: { from: '2025-10-01', to: '2025-12-31', extractedOn: '2026-01-05' } };
    const lines = files['crimes.csv']!.trimEnd().split('\n');
    const outside = lines.findIndex((l, i) => i > 0 && !/,\d\d\/(10|11|12)\/2025 \d\d:\d\d,\d+,\d+,/.test(l));
    const s = await load('q4.csv', lines.join('\n'), q4);
    expect(s.errors[0]!.line).toBe(outside + 1);
    expect(s.errors[0]!.message).toMatch(/^recordedDate 20\d\d-\d\d-\d\d is outside the extract's declared coverage 2025-10-01 to 2025-12-31$/);
    const noCol = await load('h.csv', lines.join('\n').replace('KnifeFlag', 'Knife'), mappings.crimes);
    expect(noCol.errors).toEqual([{ line: 1, message: "column 'KnifeFlag' (mapped to knife) is not in the header" }]);
  });

  it('replaces exactly what a re-export covers; refuses one that shrinks (unless allowed)', async () => {
    const db = t.handle.db;
    const lines = files['crimes.csv']!.trimEnd().split('\n');
    const isQ4 = (l: string) => /^[^,]+,[^,]+,[^,]+,[^,]*,[^,]*,\d\d\/(10|11|12)\/2025 /.test(l);
    const q4 = lines.filter((l, i) => i > 0 && isQ4(l));
    const q4Mapping = { ...mappings.crimes, coverage: { from: '2025-10-01', to: '2025-12-31', extractedOn: '2026-02-01' } };
    const rowsBefore = await count('records_crime');
    const outsideBefore = (await countCrimes(db, { from: '2024-01-01', to: '2025-09-30' }, ALL))[0]!.count;

    // A re-export with one new crime: replaces the quarter's rows, leaves the rest alone.
    const added = q4[0]!.replace(/^[^,]+/, 'EX/9999999/25');
    const s = await load('q4.csv', [lines[0], ...q4, added].join('\n'), q4Mapping);
    expect(s.errors).toEqual([]);
    expect([s.oldRows, s.newRows]).toEqual([q4.length, q4.length + 1]);
    expect(await count('records_crime')).toBe(rowsBefore + 1);
    expect((await countCrimes(db, { from: '2024-01-01', to: '2025-09-30' }, ALL))[0]!.count).toBe(outsideBefore);
    const pieces = (await coverage(ctx())).coverage.filter((p) => p.kind === 'crimes').map((p) => [p.from, p.to, p.importId === s.importId]);
    expect(pieces).toEqual([['2024-01-01', '2025-09-30', false], ['2025-10-01', '2025-12-31', true]]);

    // Half the rows: refused, nothing changed; --allow-shrink takes it.
    const half = q4.slice(0, Math.floor(q4.length / 2));
    const refused = await load('q4-half.csv', [lines[0], ...half].join('\n'), q4Mapping);
    expect(refused.errorCount).toBe(1);
    expect(refused.errors[0]!.message).toMatch(new RegExp(`^the file has ${half.length} rows where 2025-10-01 to 2025-12-31 held ${q4.length + 1} \\(\\d+\\.\\d% fewer; at most 2% may go\\): it may have been cut short, so nothing was changed`));
    expect([refused.oldRows, refused.newRows, refused.importId]).toEqual([q4.length + 1, half.length, null]);
    expect(await count('records_crime')).toBe(rowsBefore + 1);
    const allowed = await load('q4-half.csv', [lines[0], ...half].join('\n'), q4Mapping, { allowShrink: true });
    expect([allowed.errorCount, allowed.oldRows, allowed.newRows]).toEqual([0, q4.length + 1, half.length]);
    expect(await count('records_crime')).toBe(rowsBefore + 1 - (q4.length + 1) + half.length);

    // A re-export inside an earlier one's coverage splits it in two.
    const nov = lines.filter((l, i) => i > 0 && /^[^,]+,[^,]+,[^,]+,[^,]*,[^,]*,\d\d\/05\/2025 /.test(l));
    const may = await load('may.csv', [lines[0], ...nov].join('\n'), { ...mappings.crimes, coverage: { from: '2025-05-01', to: '2025-05-31', extractedOn: '2026-02-01' } });
    expect([may.errorCount, may.oldRows, may.newRows]).toEqual([0, nov.length, nov.length]);
    const after = (await coverage(ctx())).coverage.filter((p) => p.kind === 'crimes').map((p) => [p.from, p.to]);
    expect(after).toEqual([['2024-01-01', '2025-04-30'], ['2025-05-01', '2025-05-31'], ['2025-06-01', '2025-09-30'], ['2025-10-01', '2025-12-31']]);
  });

  it('imports population estimates and sums the bands inside the ages asked for', async () => {
    const rows = readCsv(files['population.csv']!);
    const s = await importPopulationFile(t.handle.db, { label: 'population.csv', name: 'population.csv', content: files['population.csv']! }, { by: 'cli:test' });
    expect([s.errorCount, s.rows, s.years]).toEqual([0, rows.length, [2024]]);
    const under25 = rows.filter((r) => r.age_max !== '' && Number(r.age_max) <= 24).reduce((n, r) => n + Number(r.population), 0);
    expect(await populationIn(t.handle.db, { year: 2024, ageMax: 24 })).toEqual({ population: under25, bandsCut: 0 });
    const cut = await populationIn(t.handle.db, { year: 2024, ageMax: 20 });
    expect(cut.bandsCut).toBe(rows.filter((r) => r.age_min === '18').length);
    const bad = await importPopulationFile(t.handle.db, { label: 'p.csv', name: 'p.csv', content: 'year,lsoa_code,age_min,age_max,population\n2024,NOPE,0,9,1\n' }, { by: 'cli:test' });
    expect(bad.errors).toEqual([{ line: 2, message: "lsoa_code: 'NOPE' is not an LSOA code" }]);
  });
});

describe('force records: the demo', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('seeds a labelled extract of each kind for the demo district with demo people linked, and the first real extract removes it', async () => {
    const { recordsModule } = await import('./index.js');
    const { DEMO_NOMINALS, DEMO_RECORDS_KEY } = await import('./records.demo.js');
    const db = t.handle.db;
    // LSOA boundaries of Ambermere (as the demo imports them) and two demo people.
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(db);
    for (const code of ['X01000001', 'X01000002', 'X01000003']) {
      await sql`insert into boundary (level, code, name, district_name, geometry, min_lon, min_lat, max_lon, max_lat, source_file, is_demo)
        values ('lsoa', ${code}, ${`Ambermere ${code}`}, 'Ambermere', '{}'::jsonb, -1.8, 52.5, -1.79, 52.51, 'demo', true)`.execute(db);
    }
    const people = (await sql<{ id: number }>`insert into person (given_name, family_name, recorded_district, owning_agency_id, created_by)
      select 'Demo', x, 'Ambermere', (select id from partner_agency where name = 'Kent Police'), 'demo' from (values ('One'), ('Two')) v(x) returning id`.execute(db)).rows.map((r) => Number(r.id));
    const ctx = makeContext({ db, auditKey: t.auditKey, actor: { kind: 'cli', name: 'demo' }, scope: ALL, now: () => new Date('2026-12-05T12:00:00Z') });
    await ctx.tx((tx) => recordsModule.demo!.seed!(tx, { district: 'Ambermere' }));

    const c = await coverage(ctx);
    expect(c.coverage.map((p) => [p.kind, p.from, p.to, p.demo])).toEqual([
      ['crimes', '2024-12-01', '2026-11-30', true], ['incidents', '2024-12-01', '2026-11-30', true], ['outcomes', '2024-12-01', '2026-12-04', true],
    ]);
    expect(c.demo).toBe(true);
    expect(c.imports.every((i) => /^DEMO Ambermere .* \(SYNTHETIC, generated by Prevention Hub\)$/.test(i.source) && i.keyFingerprint === null)).toBe(true);
    expect(c.rows.crimes).toBeGreaterThan(1500);
    expect(c.personKeys.linked).toBe(2);
    const asb = await asbIncidentsByCategory(db, { from: '2024-12-01', to: '2026-11-30' }, ALL);
    expect(asb.personal * asb.nuisance * asb.environmental).toBeGreaterThan(0);
    // The linked demo people are repeat offenders with outcomes.
    const ranked = await rankOffenderKeys(db, { from: '2024-12-01', to: '2026-11-30' }, ALL, 1000);
    const first = ranked.find((r) => r.personKey === personKey(DEMO_RECORDS_KEY, DEMO_NOMINALS[0]));
    expect(first?.personId).toBe(people[0]);
    expect(first!.crimes).toBeGreaterThan(1);

    // The first real extract (the worked example's incidents) removes every demo import and the keys only they held.
    const mapping = readMappingFile(path.join(EXAMPLE, 'incidents.mapping.yaml'));
    const s = await importRecordsFile(db, { label: 'incidents.csv', name: 'incidents.csv', content: fs.readFileSync(path.join(EXAMPLE, 'incidents.csv'), 'utf8') }, { by: 'cli:test', mapping, key, maxShrink: 0.02 });
    expect(s.errorCount).toBe(0);
    expect(s.demoRowsRemoved).toBeGreaterThan(c.rows.crimes);
    const after = await coverage(ctx);
    expect(after.coverage.map((p) => [p.kind, p.demo])).toEqual([['incidents', false]]);
    expect(after.rows.crimes + after.rows.outcomes).toBe(0);
    expect(after.personKeys.linked).toBe(0);
    const demoKeys = await sql<{ n: number }>`select count(*)::int8 as n from records_person_key where person_key = ${personKey(DEMO_RECORDS_KEY, DEMO_NOMINALS[0])}`.execute(db);
    expect(Number(demoKeys.rows[0]!.n)).toBe(0);
  });
});
